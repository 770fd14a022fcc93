"""Serving stored JSON without decoding it: a renderer that writes stored bytes in place.

Views put :class:`RawJSON` values (a stored detail, or list summaries) into ordinary response data; the
renderer encodes the rest exactly like DRF's ``JSONRenderer`` and splices the stored bytes in. For the browsable
API (``text/html``, dev only) the stored bytes are decoded, so every renderer still sees plain data.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.settings import api_settings

from ..caching.tags import etag_of


class RawJSON(bytes):
    """Already-encoded JSON (as produced by :func:`api.published.build.encode`)."""

    def with_member(self, name: str, value: Any) -> RawJSON:
        """This object with one more member appended (e.g. ``distance_km`` on a center summary)."""
        return RawJSON(self[:-1] + b"," + _scalar(name) + b":" + _scalar(value) + b"}")


def _scalar(value: Any) -> bytes:
    return JSONRenderer().render(value) if value is not None else b"null"


def encode(value: Any) -> bytes:
    if isinstance(value, RawJSON):
        return bytes(value)
    if isinstance(value, dict):
        return b"{" + b",".join(_scalar(str(key)) + b":" + encode(item) for key, item in value.items()) + b"}"
    if isinstance(value, list | tuple):
        return b"[" + b",".join(encode(item) for item in value) + b"]"
    return _scalar(value)


def decode(value: Any) -> Any:
    if isinstance(value, RawJSON):
        return json.loads(value)
    if isinstance(value, dict):
        return {key: decode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [decode(item) for item in value]
    return value


def served_as_stored(request: Any) -> bool:
    """True when DRF negotiated the stored JSON itself for ``request`` (not the browsable API, no indent)."""
    renderer = getattr(request, "accepted_renderer", None)
    return isinstance(renderer, StoredJSONRenderer) and "indent" not in (request.accepted_media_type or "")


def plainly_stored(request: HttpRequest, renderer_classes: list[type], parameters: tuple[str, ...] = ()) -> bool:
    """Whether a view rendering with ``renderer_classes`` is bound to answer ``request`` in the stored JSON,
    decided before DRF negotiates: the stored JSON is its only renderer (the browsable API is off, as in
    production) and ``Accept`` asks for no indent (an unsatisfiable ``Accept`` falls back to JSON:
    :mod:`api.negotiation`). A query parameter could name a format, so a request with any other than
    ``parameters`` never qualifies."""
    return (
        (not request.META.get("QUERY_STRING") or set(request.GET) <= set(parameters))
        and "indent" not in request.META.get("HTTP_ACCEPT", "").lower()  # DRF reads parameter names in any case
        and renderer_classes == [StoredJSONRenderer]
    )


def _gzipped(request: Any) -> bool:
    return bool(ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


def stored_body(request: Any) -> str:
    """The stored body column a detail response in the stored format to ``request`` is made of."""
    return "detail_gzip" if _gzipped(request) else "detail_json"


def _stored_response(request: Any, body: bytes, content_hash: str, gzipped: bool) -> HttpResponse:
    response = HttpResponse(body, content_type=StoredJSONRenderer.media_type)
    etag = etag_of(content_hash)
    if gzipped:
        response["Content-Encoding"] = "gzip"
        etag = "W/" + etag  # another encoding of the same JSON: weak, as GZipMiddleware would mark it
    response["ETag"] = etag
    patch_vary_headers(response, ("Accept-Encoding",))  # every stored detail comes in both encodings
    return response


def only_revalidates(request: Any) -> bool:
    """A conditional GET whose answer only needs the stored hash: ``If-None-Match`` without ``If-Match`` or
    ``If-Unmodified-Since`` (which Django's precondition order tests first). Asked of stored-format requests."""
    meta = request.META
    return (
        bool(meta.get("HTTP_IF_NONE_MATCH"))
        and not meta.get("HTTP_IF_MATCH")
        and not meta.get("HTTP_IF_UNMODIFIED_SINCE")
    )


def not_modified(request: Any, content_hash: str) -> HttpResponse | None:
    """For a request :func:`only_revalidates` says yes to, an empty response with the ETag the full one would
    carry when one of the client's ETags matches it (weak comparison, as for ``If-None-Match``); the cache
    middleware turns it into the ``304`` with the usual headers. None when the client must get the body."""
    etags = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    current = etag_of(content_hash)
    if etags != ["*"] and current not in (etag.removeprefix("W/") for etag in etags):
        return None
    return _stored_response(request, b"", content_hash, _gzipped(request))


def detail_response(request: Any, row: Any) -> HttpResponse:
    """The stored detail of ``row`` (fetched with the :func:`stored_body` column) as it is, with its ETag from
    the stored hash."""
    gzipped = bool(getattr(row, "detail_gzip", b""))
    body = row.detail_gzip if gzipped else row.detail_json
    return _stored_response(request, body, row.content_hash, gzipped)


class StoredJSONRenderer(JSONRenderer):
    """``JSONRenderer`` that writes :class:`RawJSON` values as they are."""

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None:
            return b""
        if (
            renderer_context
            and renderer_context.get("indent")
            or self.get_indent(accepted_media_type, renderer_context or {})
        ):
            return super().render(decode(data), accepted_media_type, renderer_context)
        return encode(data)


class StoredBrowsableAPIRenderer(BrowsableAPIRenderer):
    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> Any:
        return super().render(decode(data), accepted_media_type, renderer_context)


def stored_renderers() -> list[type]:
    """The project's renderer list with the stored-JSON variants in place of DRF's."""
    swap = {JSONRenderer: StoredJSONRenderer, BrowsableAPIRenderer: StoredBrowsableAPIRenderer}
    return [swap.get(renderer, renderer) for renderer in api_settings.DEFAULT_RENDERER_CLASSES]
