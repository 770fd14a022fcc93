"""drf-spectacular hooks: the OpenAPI document says everything the server enforces.

The schema is OpenAPI 3.1 (JSON Schema 2020-12): nullable references are ``oneOf: [{$ref}, {type: "null"}]`` and
each body block variant fixes ``type`` with ``const``, so generated clients discriminate the union.

- :class:`StrictFilterExtension` documents each list filter as the strict backend enforces it: non-empty strings,
  the slug pattern, maximum lengths, and ``ordering`` as *one* value of its allowlist (not an array).
- :func:`document_constraints` (post-processing) adds the bounds of the parameters handled in views (``near``,
  ``radius_km``, ``limit``, ``q``, ``path``, ``slug``), the caching headers of 200/304, and every error response
  the middleware and views can give (400, 404, 405, 414, 429, 431, 503; 401 and 410 on preview) with the one error body.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import RegexValidator
from django_filters import OrderingFilter
from drf_spectacular.contrib.django_filters import DjangoFilterExtension

from .filters.base import SLUG_PATTERN
from .filters.geo import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, NEAR_PATTERN
from .resources.changes import DEFAULT_LIMIT, MAX_LIMIT
from .resources.routes import MAX_PATH_LENGTH
from .search import MAX_QUERY_LENGTH

PUBLIC_API_PREFIX = "/api/v1/"
ERROR_REF = {"$ref": "#/components/schemas/Error"}
NON_BLANK = r"\S"

# Every operation can answer these (request guard, throttles, database outage, method not allowed).
COMMON_ERRORS = {
    400: "Unknown, repeated, empty or malformed parameter, a control character or invalid UTF-8, or a Host header "
    "the server does not serve; the error names the parameter.",
    404: "Not found. Hidden content answers exactly like content that does not exist.",
    405: "Method not allowed: the API is read-only (GET, HEAD, OPTIONS).",
    414: "The URL is longer than the API accepts.",
    429: "Too many requests from this client; retry after `Retry-After` seconds.",
    431: "A request header is larger than the API accepts.",
    503: "Temporarily unavailable (the database is unreachable); retry after `Retry-After` seconds.",
}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}}
CACHE_HEADERS = {
    "ETag": {"description": "Strong validator of the body (weak when gzip-compressed).", "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the content last changed.", "schema": {"type": "string"}},
    "Cache-Control": {"description": "Caching policy (configurable).", "schema": {"type": "string"}},
    "Cache-Tag": {
        "description": "Space-separated tags of the content the response was built from, e.g. "
        "`article-12 provider-3`; purge a CDN by tag. Also sent as `Surrogate-Key`.",
        "schema": {"type": "string"},
    },
}


def only_public_api_endpoints(endpoints, **kwargs):
    """Keep only the public v1 endpoints in the OpenAPI document."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]


class StrictFilterExtension(DjangoFilterExtension):
    """django-filter parameters as :class:`api.filters.StrictFilterBackend` enforces them."""

    target_class = "api.filters.base.StrictFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        parameters = super().resolve_filter_field(auto_schema, model, filterset_class, field_name, filter_field)
        for parameter in parameters:
            schema = parameter["schema"]
            if isinstance(filter_field, OrderingFilter):
                # One field at a time (more is a 400), so a single value of the allowlist.
                parameter["schema"] = {"type": "string", "enum": schema["items"]["enum"]}
                parameter.pop("explode", None)
                parameter.pop("style", None)
                continue
            if isinstance(schema.get("type"), list):  # a query parameter is absent, never null
                schema["type"] = next(kind for kind in schema["type"] if kind != "null")
            if schema.get("type") != "string" or "enum" in schema:
                continue
            schema["minLength"] = 1
            if filter_field.extra.get("max_length"):
                schema["maxLength"] = filter_field.extra["max_length"]
            patterns = [
                v.regex.pattern for v in filter_field.extra.get("validators", []) if isinstance(v, RegexValidator)
            ]
            schema["pattern"] = patterns[0] if patterns else NON_BLANK
        return parameters


def _parameter_constraints() -> dict[str, dict[str, Any]]:
    """Bounds of the parameters that views parse themselves, from the constants the views use."""
    return {
        "near": {"type": "string", "pattern": NEAR_PATTERN.pattern, "maxLength": 60},
        "radius_km": {
            "type": "number",
            "exclusiveMinimum": 0,
            "maximum": MAX_RADIUS_KM,
            "default": DEFAULT_RADIUS_KM,
        },
        "limit": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
        "q": {"type": "string", "minLength": 1, "maxLength": MAX_QUERY_LENGTH, "pattern": NON_BLANK},
        "path": {"type": "string", "minLength": 1, "maxLength": MAX_PATH_LENGTH, "pattern": "^/"},
        "slug": {"type": "string", "pattern": SLUG_PATTERN.pattern},
        "since": {"type": "string", "minLength": 1, "pattern": NON_BLANK},
        "token": {"type": "string", "minLength": 1, "pattern": NON_BLANK},
    }


def _error_response(description: str, status: int) -> dict[str, Any]:
    response: dict[str, Any] = {"description": description, "content": {"application/json": {"schema": ERROR_REF}}}
    if status in (429, 503):
        response["headers"] = RETRY_AFTER
    return response


# Operations that take ``?locale=`` and answer with ``Content-Language`` (api.locales).
LOCALE_PATHS = ("articles/", "providers/", "centers/", "topics/", "vocabularies/", "search/")


def _locale_parameter() -> dict[str, Any]:
    from django.conf import settings

    from . import locales

    return {
        "in": "query",
        "name": locales.PARAMETER,
        "schema": {"type": "string", "enum": locales.allowed(), "default": settings.API_DEFAULT_LOCALE},
        "description": "Content locale. Articles are listed and found in this locale only (a translation is its "
        "own article, signed off on its own); clinicians, centers and vocabularies are not translated yet and "
        "come in the default language. An unknown locale is a 400 naming the allowed ones.",
    }


CONTENT_LANGUAGE = {
    "Content-Language": {"description": "Language of the content served, e.g. `es`.", "schema": {"type": "string"}}
}


def document_locale(path: str, operation: dict) -> None:
    if not path.startswith(PUBLIC_API_PREFIX) or not path[len(PUBLIC_API_PREFIX) :].startswith(LOCALE_PATHS):
        return
    parameters = operation.setdefault("parameters", [])
    if not any(parameter["name"] == "locale" for parameter in parameters):
        parameters.append(_locale_parameter())
        parameters.sort(key=lambda parameter: (parameter["in"] != "path", parameter["name"]))
    if "200" in operation.get("responses", {}):
        operation["responses"]["200"]["headers"] = {**CACHE_HEADERS, **CONTENT_LANGUAGE}


def document_constraints(result: dict, generator=None, request=None, public=None) -> dict:
    """Post-processing hook (see the module docstring)."""
    constraints = _parameter_constraints()
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method != "get":
                continue
            operation.pop("security", None)  # public and anonymous: no credentials of any kind
            for parameter in operation.get("parameters", []):
                if parameter["name"] in constraints:
                    parameter["schema"] = {**parameter["schema"], **constraints[parameter["name"]]}
            responses = operation.setdefault("responses", {})
            for status, description in COMMON_ERRORS.items():
                existing = responses.get(str(status))
                if existing is None:
                    responses[str(status)] = _error_response(description, status)
                elif status in (429, 503):
                    existing.setdefault("headers", RETRY_AFTER)
            if "200" in responses and not path.startswith(f"{PUBLIC_API_PREFIX}preview/"):
                responses["200"].setdefault("headers", CACHE_HEADERS)
                responses["304"] = {
                    "description": "Not modified: the `If-None-Match` or `If-Modified-Since` validator matches.",
                    "headers": {name: CACHE_HEADERS[name] for name in ("ETag", "Last-Modified")},
                }
            document_locale(path, operation)
            operation["responses"] = dict(sorted(responses.items()))
    return result
