"""Benchmark settings: production-like request handling on a dedicated database, plus Wagtail's API v2
mounted for comparison."""

import os

import dj_database_url

from cms.settings.base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]  # noqa: F405
ROOT_URLCONF = "benchmarks.urls"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/verity-bench.sqlite3"),
        conn_max_age=600,
        conn_health_checks=True,
    )
}
AXES_ENABLED = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The rate limit stays on (every request is counted, as in production) at a rate no benchmark reaches: wrk and
# locust send everything from one address.
API_THROTTLE_RATE = "100000000/min"
TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": True, "root": {"level": "CRITICAL", "handlers": []}}
