"""Serving stored JSON without decoding it: a renderer that writes stored bytes in place.

Views put :class:`RawJSON` values (a stored detail, or list summaries) into ordinary response data; the
renderer encodes the rest exactly like DRF's ``JSONRenderer`` and splices the stored bytes in. For the browsable
API (``text/html``, dev only) the stored bytes are decoded, so every renderer still sees plain data.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip as ACCEPTS_GZIP
from django.utils.cache import patch_vary_headers
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


def detail_response(request: Any, detail_json: bytes, detail_gzip: bytes, content_hash: str) -> HttpResponse | None:
    """The stored detail as it is (gzip-compressed at build time when the client accepts gzip), with its ETag
    from the stored hash; None when the negotiated format needs DRF's renderers (browsable API, indent)."""
    renderer = getattr(request, "accepted_renderer", None)
    if not isinstance(renderer, StoredJSONRenderer) or "indent" in (request.accepted_media_type or ""):
        return None
    etag = etag_of(content_hash)
    if detail_gzip and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(detail_gzip, content_type=renderer.media_type)
        response["Content-Encoding"] = "gzip"
        response["ETag"] = "W/" + etag  # another encoding of the same JSON: weak, as GZipMiddleware would mark it
        patch_vary_headers(response, ("Accept-Encoding",))
        return response
    response = HttpResponse(detail_json, content_type=renderer.media_type)
    response["ETag"] = etag
    return response


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
