"""Request guard for /api/: reject hostile input before it reaches a view, the response cache or the database.

In order, before anything is served (including a cached response): the method, the ``Host`` header
(``ALLOWED_HOSTS``), the sizes of the request line and headers (the app's limits sit below the server's, so
the client always gets this JSON rather than the server's HTML 414/431), then the raw path and query (PostgreSQL
refuses NUL bytes, headers must never echo control characters), then the rate limit
(:mod:`api.caching.throttling`). Everything refused here gets the one JSON error shape naming the offending
parameter. Errors a view lets escape are turned into JSON too, whatever DEBUG is.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_to_bytes

from django.core.exceptions import DisallowedHost, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .caching.throttling import throttle_wait
from .errors import DATABASE_ERRORS, database_unavailable_response, error_response, is_api_request

logger = logging.getLogger("api")
security_logger = logging.getLogger("django.security.DisallowedHost")

# Keep these below the server's limits (gunicorn.conf.py: limit_request_line, limit_request_field_size,
# limit_request_fields), so oversized requests reach the app and get JSON.
MAX_URL_LENGTH = 4096
MAX_HEADER_FIELD_BYTES = 8000
MAX_HEADER_FIELDS = 90
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


def validate_headers(request: HttpRequest) -> HttpResponse | None:
    """431 for a header value over :data:`MAX_HEADER_FIELD_BYTES` or more than :data:`MAX_HEADER_FIELDS` fields."""
    fields = [value for name, value in request.META.items() if name.startswith("HTTP_")]
    if len(fields) > MAX_HEADER_FIELDS:
        return error_response(431, "headers_too_large", f"At most {MAX_HEADER_FIELDS} header fields are accepted.")
    if any(isinstance(value, str) and len(value) > MAX_HEADER_FIELD_BYTES for value in fields):
        return error_response(
            431, "headers_too_large", f"A header field is longer than {MAX_HEADER_FIELD_BYTES} characters."
        )
    return None


def validate_host(request: HttpRequest) -> HttpResponse | None:
    """400 when the ``Host`` header is not in ``ALLOWED_HOSTS`` (checked here so cached answers obey it too)."""
    try:
        request.get_host()
    except DisallowedHost as error:
        security_logger.warning("%s", error)
        return error_response(400, "invalid_host", "The Host header is not allowed.")
    return None


def throttled(request: HttpRequest) -> HttpResponse | None:
    wait = throttle_wait(request)
    if wait is None:
        return None
    return error_response(
        429,
        "throttled",
        f"Request was throttled. Expected available in {wait} seconds.",
        headers={"Retry-After": str(wait)},
    )


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
        for check in (validate_host, validate_headers, validate_raw_request, throttled):
            refusal = check(request)
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
