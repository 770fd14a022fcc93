"""Request guard for /api/: reject hostile input before it reaches a view or the database.

PostgreSQL refuses NUL bytes (a classic source of 500s), headers must never echo control characters,
and a URL or query string can be made arbitrarily large. Everything refused here gets the one JSON error
shape naming the offending parameter. Errors a view lets escape are turned into JSON too, whatever DEBUG is.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_to_bytes

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .errors import DATABASE_ERRORS, database_unavailable_response, error_response, is_api_request

logger = logging.getLogger("api")

MAX_URL_LENGTH = 4096
MAX_QUERY_PARAMETERS = 50
MAX_PARAMETER_VALUE_LENGTH = 1000
ALLOWED_METHODS = {"GET", "HEAD", "OPTIONS"}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _decoded(raw: str) -> str | None:
    """Percent-decode ``raw`` as strict UTF-8; None when the bytes are not valid UTF-8."""
    try:
        return unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        return None


def validate_raw_request(request: HttpRequest) -> HttpResponse | None:
    """Return an error response for an unacceptable raw path or query string, else None."""
    raw_path = request.META.get("PATH_INFO", "")
    raw_query = request.META.get("QUERY_STRING", "")
    if len(raw_path) + len(raw_query) > MAX_URL_LENGTH:
        return error_response(414, "uri_too_long", f"The URL is longer than {MAX_URL_LENGTH} characters.")
    if CONTROL_CHARACTERS.search(request.path) or "\ufffd" in request.path:
        return error_response(400, "invalid_path", "The path contains control characters or invalid UTF-8.")
    if not raw_query:
        return None
    pairs = [pair for pair in raw_query.split("&") if pair]
    if len(pairs) > MAX_QUERY_PARAMETERS:
        return error_response(
            400, "too_many_parameters", f"At most {MAX_QUERY_PARAMETERS} query parameters are accepted."
        )
    for pair in pairs:
        raw_name, _, raw_value = pair.partition("=")
        name = _decoded(raw_name)
        if name is None or CONTROL_CHARACTERS.search(name):
            return error_response(400, "invalid_parameter", "A parameter name is not valid text.", parameter="")
        value = _decoded(raw_value)
        if value is None:
            return error_response(400, "invalid_parameter", "The value is not valid UTF-8.", parameter=name)
        if CONTROL_CHARACTERS.search(value):
            return error_response(400, "invalid_parameter", "The value contains control characters.", parameter=name)
        if len(value) > MAX_PARAMETER_VALUE_LENGTH:
            return error_response(
                400,
                "invalid_parameter",
                f"The value is longer than {MAX_PARAMETER_VALUE_LENGTH} characters.",
                parameter=name,
            )
    return None


class ApiRequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_api_request(request):
            return self.get_response(request)
        if request.method not in ALLOWED_METHODS:
            response = error_response(405, "method_not_allowed", f'Method "{request.method}" not allowed.')
            response["Allow"] = ", ".join(sorted(ALLOWED_METHODS))
            return response
        refusal = validate_raw_request(request)
        if refusal is not None:
            return refusal
        response = self.get_response(request)
        if response.status_code in (404, 500) and not response.get("Content-Type", "").startswith("application/json"):
            # Django's technical 404/500 pages (DEBUG on) for unmatched URLs or errors raised by middleware.
            if response.status_code == 404:
                return error_response(404, "not_found", "Not found.")
            return error_response(500, "server_error", "An unexpected error occurred.")
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_api_request(request):
            return None
        if isinstance(exception, Http404):
            return error_response(404, "not_found", "Not found.")
        if isinstance(exception, PermissionDenied):
            return error_response(403, "permission_denied", "You do not have permission to perform this action.")
        if isinstance(exception, DATABASE_ERRORS):
            return database_unavailable_response()
        logger.exception("Unhandled error under /api/", exc_info=exception)
        return error_response(500, "server_error", "An unexpected error occurred.")
