"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from api.replicas import replica_aliases, replica_report


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up. Touches nothing else, so a database outage does not restart the app."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request: HttpRequest) -> JsonResponse:
    """The process can serve traffic: the database answers a trivial query (else 503).

    The cache only accelerates, so an unreachable cache keeps the app ready (200) and is reported as
    ``"cache": "unavailable"`` with ``"status": "degraded"``."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        # Drop the broken connection so the next probe reconnects once the database is back.
        connection.close_if_unusable_or_obsolete()
        response = JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
        response["Retry-After"] = "5"
        return response
    cache_ok = cache_available()
    return JsonResponse(
        {
            "status": "ok" if cache_ok else "degraded",
            "database": "ok",
            "cache": "ok" if cache_ok else "unavailable",
            **replica_lag(),
        }
    )


def replica_lag() -> dict:
    """Read replicas (optional) never make the process unready; their lag is reported for operators."""
    return {"replicas": replica_report()} if replica_aliases() else {}


def cache_available() -> bool:
    cache = caches["default"]
    probe = getattr(cache, "probe", None)  # api.caching.backends: a real round trip, errors already handled
    if probe is not None:
        return probe()
    try:
        cache.set("readyz:probe", "ok", 10)
        return cache.get("readyz:probe") == "ok"
    except Exception:
        return False
