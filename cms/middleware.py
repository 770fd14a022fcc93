"""Site-wide fault handling: a database outage answers 503 with Retry-After instead of a 500 page."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

from api.errors import database_unavailable_response

logger = logging.getLogger("cms")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable while serving %s: %s", request.path, exception)
        for connection in connections.all():
            # Discard broken connections now so the next request reconnects once the server is back.
            connection.close_if_unusable_or_obsolete()
        return database_unavailable_response()
