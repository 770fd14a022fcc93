"""HTTP caching for every public ``GET``/``HEAD`` under ``/api/v1/``, as one middleware.

Chosen over a DRF view mixin so that no view can forget it: views only say what they were built from with
:func:`api.caching.tag_response`; this middleware

1. serves an entry of the response store (:mod:`api.caching.store`) without running the view once one
   indexed database query confirms that none of its tags changed since it was built, and answers ``304`` to
   a matching ``If-None-Match``/``If-Modified-Since``;
2. otherwise runs the view and, for a ``200``, adds a strong ``ETag`` (SHA-256 of the body),
   ``Last-Modified`` (the newest ``last_modified`` the view reported, else the build time),
   ``Cache-Control`` (``settings.API_CACHE_CONTROL``), ``Cache-Tag`` and ``Surrogate-Key`` (the collected
   tags, space-separated) and ``Vary: Accept`` (CORS adds ``Vary: Origin``), stores the response when it is
   tagged, and answers ``304`` when the client's validators match.

Not touched: ``/api/v1/preview/`` (drafts: ``no-store``), responses that set ``no-store``/``private``
themselves, and anything but ``200``. Schema and docs get validators but are not stored (they only change
with a deploy). It sits inside ``CorsMiddleware``, so CORS headers are computed per request and never stored, and after
:class:`api.middleware.ApiRequestGuardMiddleware`, so the host check, input limits and the rate limit apply to
cached and built responses alike.
"""

from __future__ import annotations

import hashlib
import time
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, ResolverMatch, get_urlconf, resolve
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ..published.build import REPRESENTATION_VERSION, build_key
from .store import (
    CachedResponse,
    build_stamp,
    contains_articles,
    entry_key,
    lookup,
    next_visibility_change,
    store,
)
from .tags import collected_last_modified, collected_tags, collected_valid_until, etag_of

PUBLIC_PREFIX = "/api/v1/"
NEVER_CACHED_PREFIXES = ("/api/v1/preview/",)
NOT_STORED_PREFIXES = ("/api/v1/schema/", "/api/v1/docs/", "/api/v1/redoc/")
_UNSTORED_HEADERS = {"set-cookie", "date"}


def _normalised_query(request: HttpRequest) -> str:
    """Parameters sorted by name (values of a repeated name keep their order), re-encoded."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def response_variant(request: HttpRequest) -> str:
    """What the cache key distinguishes: path, normalised query, the representation asked for, and the shape
    the stored rows are built in (representation version and URL settings), so an entry built before a deploy
    that changed a builder is never served after it (search results carry stored summaries)."""
    representation = "html" if "text/html" in request.headers.get("Accept", "") else "json"
    shape = f"{REPRESENTATION_VERSION}.{build_key()}"
    return f"{request.path}?{_normalised_query(request)}|{representation}|{shape}"


def stored_view_match(request: HttpRequest) -> ResolverMatch | None:
    """The URL match when the URL's view reads stored representations (its class sets ``serves_stored_rows``)."""
    return _stored_view_match(request.path_info, getattr(request, "urlconf", None) or get_urlconf())


@lru_cache(maxsize=4096)  # bounded: paths come from clients; a hit is a dict lookup instead of URL resolution
def _stored_view_match(path: str, urlconf: str | None) -> ResolverMatch | None:
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    return match if getattr(getattr(match.func, "view_class", None), "serves_stored_rows", False) else None


def _modified(request: HttpRequest) -> float:
    """The newest ``last_modified`` the view reported, else now."""
    last_modified = collected_last_modified(request)
    return last_modified.timestamp() if last_modified is not None else time.time()


def strong_etag(content: bytes) -> str:
    return etag_of(hashlib.sha256(content).hexdigest())


def _refuses_caching(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return "no-store" in cache_control or "private" in cache_control


def cache_control_until(valid_until: float | None) -> str:
    """``settings.API_CACHE_CONTROL``, with shared caches told not to keep (or serve stale) a response past the
    moment its content stops being public by the clock (an article's ``expire_at``)."""
    policy = settings.API_CACHE_CONTROL
    if valid_until is None:
        return policy
    remaining = max(0, int(valid_until - time.time()))
    directives = [part.strip() for part in policy.split(",") if part.strip()]
    kept = [part for part in directives if not part.startswith(("max-age", "s-maxage", "stale-while-revalidate"))]
    ages = [int(part.split("=", 1)[1]) for part in directives if part.startswith(("max-age=", "s-maxage="))]
    lifetimes = [part for part in directives if part.startswith("stale-while-revalidate=")]
    longest = max(ages, default=0) + sum(int(part.split("=", 1)[1]) for part in lifetimes)
    if remaining >= longest:
        return policy
    return ", ".join([*kept, f"max-age={min([remaining, *ages]) if ages else remaining}"])


class ApiCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path
        if (
            request.method not in {"GET", "HEAD"}
            or not path.startswith(PUBLIC_PREFIX)
            or path.startswith(NEVER_CACHED_PREFIXES)
        ):
            return self.get_response(request)
        match = stored_view_match(request)
        if match is not None:
            return self._serve_stored(request, match)
        storable = not path.startswith(NOT_STORED_PREFIXES)
        key = entry_key(response_variant(request)) if storable else ""
        stamp = None
        if storable:
            entry = lookup(key)
            if entry is not None:
                return self._serve_cached(request, entry)
            stamp = build_stamp()  # read before the view reads any content; see store.py

        response = self.get_response(request)
        if response.status_code != 200 or response.streaming or _refuses_caching(response):
            return response
        tags = sorted(collected_tags(request))
        modified = _modified(request)
        valid_until = next_visibility_change(stamp) if contains_articles(tags) else None
        etag = self._decorate(response, tags, modified, valid_until)
        if stamp is not None and tags:
            headers = {name: value for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS}
            extra = {"valid_until": valid_until} if valid_until is not None else {}
            store(key, CachedResponse(200, response.content, headers, tags, etag, modified, stamp.clock, extra))
        response["X-Cache"] = "miss"
        return get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)

    def _serve_stored(self, request: HttpRequest, match: ResolverMatch) -> HttpResponse:
        """A view that reads stored rows is already one indexed lookup in PostgreSQL: a response store in front of
        it would add round trips (entry, tag versions, write-back) and a second copy that can go stale. Its
        response only gets validators and cache headers; the view reports how long it stays true by the clock
        (:func:`api.caching.tag_response`'s ``valid_until``: an article's ``expire_at``, or for responses that
        list articles the next moment one appears or disappears).

        A view class with ``answer_directly`` (a stored detail) answers plain requests here, without the rest of
        the middleware stack and DRF: the request guard above has already checked the host, the input and the
        rate, and what the skipped layers would add to the response it adds itself."""
        answer = getattr(match.func.view_class, "answer_directly", None)
        response = answer(request, *match.args, **match.kwargs) if answer is not None else None
        if response is None:
            response = self.get_response(request)
        if response.status_code != 200 or response.streaming or _refuses_caching(response):
            return response
        tags = sorted(collected_tags(request))
        modified = _modified(request)
        bound = collected_valid_until(request)
        valid_until = bound.timestamp() if bound is not None else None
        etag = self._decorate(response, tags, modified, valid_until)
        response["X-Cache"] = "stored"
        return get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)

    @staticmethod
    def _decorate(response: HttpResponse, tags: list[str], modified: float, valid_until: float | None) -> str:
        etag = response.get("ETag") or strong_etag(response.content)  # a stored detail brings its own
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = cache_control_until(valid_until)
        if tags:
            response["Cache-Tag"] = " ".join(tags)
            response["Surrogate-Key"] = " ".join(tags)
        patch_vary_headers(response, ("Accept",))
        return etag

    @staticmethod
    def _serve_cached(request: HttpRequest, entry: CachedResponse) -> HttpResponse:
        response = HttpResponse(entry.content, status=entry.status)
        for name, value in entry.headers.items():
            response[name] = value
        response["X-Cache"] = "hit"
        return get_conditional_response(
            request, etag=entry.etag, last_modified=int(entry.last_modified), response=response
        )
