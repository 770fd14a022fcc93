"""gunicorn settings for the web process (the Dockerfile and docker-compose start gunicorn with this file).

    gunicorn -c gunicorn.conf.py cms.wsgi:application

Environment: PORT (8000), WEB_CONCURRENCY (workers; default 2 per core + 1, at most 8), GUNICORN_TIMEOUT (30 s),
GUNICORN_MAX_REQUESTS (a worker is replaced after this many requests plus up to half again; default 100,000).
"""

from __future__ import annotations

import multiprocessing
import os


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = f"0.0.0.0:{_env_int('PORT', 8000)}"
workers = _env_int("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8))
worker_class = "sync"

# A request that runs longer than this is killed and its worker replaced; PostgreSQL's statement_timeout
# (DB_STATEMENT_TIMEOUT_MS, 15 s in production) ends a slow query well before that.
timeout = _env_int("GUNICORN_TIMEOUT", 30)
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak can never grow without bound, but rarely, and never all at once:
# a worker answers hundreds of requests a second, and with 2,000 ± 200 the workers of a busy machine restarted
# together every few seconds (measured: wrk's 99th percentile went from 36 ms to 2 s while both booted).
max_requests = _env_int("GUNICORN_MAX_REQUESTS", 100_000)
max_requests_jitter = max_requests // 2

# gunicorn's own limits sit ABOVE the application's (4,096-character URLs, answered as JSON 414 by
# api.middleware), so clients get the documented JSON error, never gunicorn's HTML page.
limit_request_line = 8190  # gunicorn's maximum
limit_request_fields = 100
limit_request_field_size = 16380

accesslog = "-"
errorlog = "-"
# Client address as the proxy saw it, request, status, bytes, duration in microseconds, user agent.
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(D)sus "%(a)s"'
