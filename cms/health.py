"""Liveness and readiness probes for orchestrators and load balancers."""

from __future__ import annotations

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
    """The process can serve traffic: the database answers a trivial query."""
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
    return JsonResponse({"status": "ok", "database": "ok", **replica_lag()})


def replica_lag() -> dict:
    """Read replicas (optional) never make the process unready; their lag is reported for operators."""
    return {"replicas": replica_report()} if replica_aliases() else {}
