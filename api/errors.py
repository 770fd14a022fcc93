"""One JSON error shape for everything under /api/.

``{"error": {"status": 400, "code": "invalid_parameter", "message": "...", "parameter": "page_size"}}``

``parameter`` is present only when one query parameter caused the error. Every path that can end a request
under /api/ goes through :func:`error_response`: DRF's exception handler, the request guard middleware and
Django's 404/500 handlers, so a frontend never sees HTML or a traceback.
"""

from __future__ import annotations

import logging
import sys

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError, connections
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status

logger = logging.getLogger("api")

API_PREFIX = "/api/"
DATABASE_RETRY_AFTER_SECONDS = 5


class InvalidParameter(exceptions.APIException):
    """A query parameter is unknown, malformed or out of range."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid_parameter"

    def __init__(self, parameter: str, message: str, code: str = "invalid_parameter") -> None:
        super().__init__(detail=message, code=code)
        self.parameter = parameter


class PreviewTokenInvalid(exceptions.APIException):
    status_code = status.HTTP_401_UNAUTHORIZED
    default_code = "invalid_token"
    default_detail = "The preview token is missing, malformed, tampered with or expired."


def error_body(status_code: int, code: str, message: str, parameter: str | None = None) -> dict:
    error = {"status": status_code, "code": code, "message": message}
    if parameter is not None:
        error["parameter"] = parameter
    return {"error": error}


def error_response(
    status_code: int, code: str, message: str, parameter: str | None = None, headers: dict | None = None
) -> JsonResponse:
    response = JsonResponse(error_body(status_code, code, message, parameter), status=status_code)
    for name, value in (headers or {}).items():
        response[name] = value
    response["Cache-Control"] = "no-store"
    return response


def is_api_request(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


DATABASE_ERRORS = (OperationalError, InterfaceError)


def database_unavailable_response() -> JsonResponse:
    """503 with Retry-After for a lost or unreachable database, after discarding broken connections so the
    next request reconnects by itself once the server is back."""
    for connection in connections.all(initialized_only=True):
        connection.close_if_unusable_or_obsolete()
    return error_response(
        503,
        "service_unavailable",
        "The service is temporarily unavailable. Retry shortly.",
        headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
    )


_DRF_CODES = {
    exceptions.NotFound: "not_found",
    exceptions.MethodNotAllowed: "method_not_allowed",
    exceptions.NotAcceptable: "not_acceptable",
    exceptions.UnsupportedMediaType: "unsupported_media_type",
    exceptions.Throttled: "throttled",
    exceptions.NotAuthenticated: "not_authenticated",
    exceptions.AuthenticationFailed: "authentication_failed",
    exceptions.PermissionDenied: "permission_denied",
    exceptions.ParseError: "parse_error",
}


def _message(detail) -> str:
    if isinstance(detail, list | tuple):
        return " ".join(_message(item) for item in detail)
    if isinstance(detail, dict):
        return " ".join(f"{key}: {_message(value)}" for key, value in detail.items())
    return str(detail)


def exception_handler(exc: Exception, context: dict) -> HttpResponse | None:
    """DRF exception handler producing the one error shape; unexpected errors become JSON 500/503.

    It returns a plain :class:`JsonResponse`, not a DRF ``Response``, so content negotiation cannot render an
    error as HTML: with the browsable API on and ``Accept: text/html``, errors are still the JSON shape."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Not found.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    if isinstance(exc, DATABASE_ERRORS):
        # DRF re-raises it; the request guard (DEBUG on) or handler500 turns outages into 503s.
        return None

    if not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled API error", exc_info=exc)
        return error_response(500, "server_error", "An unexpected error occurred.")

    headers = {}
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        headers["Retry-After"] = str(int(exc.wait) + 1)
    if isinstance(exc, exceptions.MethodNotAllowed):
        headers["Allow"] = ", ".join(context["view"].allowed_methods) if context.get("view") else "GET, HEAD, OPTIONS"
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        headers["WWW-Authenticate"] = auth_header

    code = getattr(exc, "default_code", None) or "error"
    for exc_class, mapped in _DRF_CODES.items():
        if isinstance(exc, exc_class):
            code = mapped
            break
    if isinstance(exc, exceptions.ValidationError):
        code = "invalid_parameter"
    if isinstance(exc, InvalidParameter):
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else "invalid_parameter"

    return error_response(exc.status_code, code, _message(exc.detail), getattr(exc, "parameter", None), headers=headers)


def json_bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400 (e.g. a disallowed ``Host`` rejected by a middleware before the API guard)."""
    if is_api_request(request):
        return error_response(400, "bad_request", "Bad request.")
    return defaults.bad_request(request, exception)


def json_page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api_request(request):
        return error_response(404, "not_found", "Not found.")
    return defaults.page_not_found(request, exception)


def json_server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it inside its ``except`` block, so the exception is still in ``sys.exc_info``.

    This is the one place every unhandled error ends when DEBUG is off — raised by a view or by any
    middleware (such as the response cache reading a database-backed cache) — so database outages are
    mapped to 503 here, for the whole site."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_ERRORS):
        logger.warning("Database unavailable while serving %s: %s", request.path, exception)
        return database_unavailable_response()
    if is_api_request(request):
        return error_response(500, "server_error", "An unexpected error occurred.")
    return defaults.server_error(request)
