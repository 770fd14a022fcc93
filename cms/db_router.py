"""Database routing for read replicas (``DATABASE_REPLICA_URLS``): public API reads to a replica, all else to the primary.

The decision is per request, never per query, so one request never mixes a replica read with a primary read of
the same object. :class:`ReplicaReadMiddleware` marks ``GET``/``HEAD`` requests under ``/api/v1/`` (except the
preview, which shows drafts, and the change feed, whose cursors must never go backwards) as replica-eligible;
the first content read of such a request picks one database for the whole request
(:func:`api.replicas.choose_database`). Writes, the admin, the worker, management commands and the shared cache
table always use the primary.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse

from api.replicas import PRIMARY, choose_database, replica_aliases

PRIMARY_ONLY_APPS = {"django_cache", "django_tasks_db", "sessions", "axes", "admin"}
PUBLIC_PREFIX = "/api/v1/"
PRIMARY_ONLY_PATHS = ("/api/v1/preview/", "/api/v1/changes/")


@dataclass
class _RequestDatabase:
    alias: str | None = None  # decided at the first content read


_request_database: ContextVar[_RequestDatabase | None] = ContextVar("verity_request_database", default=None)


class ReplicaRouter:
    """Reads of a replica-eligible request go to the database chosen for it; all else to the primary."""

    def db_for_read(self, model, **hints) -> str:
        state = _request_database.get()
        if state is None or model._meta.app_label in PRIMARY_ONLY_APPS:
            return PRIMARY
        if state.alias is None:
            state.alias = choose_database()
        return state.alias

    def db_for_write(self, model, **hints) -> str:
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == PRIMARY


def replica_eligible(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and request.path.startswith(PUBLIC_PREFIX)
        and not request.path.startswith(PRIMARY_ONLY_PATHS)
    )


class ReplicaReadMiddleware:
    """Marks public API reads as replica-eligible for the whole request (see the module docstring)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not replica_aliases() or not replica_eligible(request):
            return self.get_response(request)
        token = _request_database.set(_RequestDatabase())
        try:
            return self.get_response(request)
        finally:
            _request_database.reset(token)
