"""Base views for public resources: strict parameters, one pagination, hidden answers exactly like absent.

Both read stored rows (:mod:`api.published`): a detail is one SELECT of the row by slug, a list one SELECT of
stored summaries filtered and ordered on stored columns (plus the COUNT for pagination). The stored JSON is
written out as stored (:mod:`api.published.responses`), never decoded and re-encoded.
"""

from __future__ import annotations

import functools
from typing import Any

from django.http import HttpRequest, HttpResponse
from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from .. import locales
from ..caching import tag_response
from ..errors import InvalidParameter
from ..filters import StrictFilterBackend, check_parameters
from ..filters.base import PAGINATION_PARAMETERS, SLUG_PATTERN, filters_nothing
from ..pagination import CountedLater, StrictPageNumberPagination
from ..published.reads import (
    article_window_bound,
    find_detail,
    next_window_change,
    published,
    refresh,
    summaries,
    whole_list_page,
    window_bound,
)
from ..published.registry import BY_KEY
from ..published.responses import (
    RawJSON,
    StoredJSONRenderer,
    detail_response,
    encode,
    not_modified,
    only_revalidates,
    plainly_stored,
    served_as_stored,
    stored_body,
    stored_renderers,
)


def not_found() -> NotFound:
    """The one 404 for unknown *and* hidden objects (same status, same body)."""
    return NotFound("Not found.")


class PublicListView(GenericAPIView):
    """A paginated, filtered list of public objects, represented in bulk (queries independent of page size)."""

    # Stored summaries of one kind (``kind``), filtered and ordered on stored columns and facets. A plain request
    # for the whole set (only page and page_size in the query string, answered in the stored JSON) is answered by
    # answer_directly from api.caching.middleware.ApiCacheMiddleware, before the rest of the middleware stack and
    # DRF run; every other request comes to get(). Both fetch with whole_set and fetch, and shape with page_data.

    kind: str = ""
    serves_stored_rows = True  # api.caching.middleware: no response store in front of one indexed lookup
    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]
    renderer_classes = stored_renderers()
    locale: str | None = None
    fetch_page: Any = None  # (offset, limit) -> rows with _total, when faster than the queryset (unfiltered)

    def get_queryset(self):
        return published(self.kind, self.locale)

    def item(self, row: Any) -> RawJSON:
        return RawJSON(row.summary_json)

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        self.locale = locales.requested(request)
        request.content_locale = locales.content_locale(self.kind, self.locale)  # type: ignore[attr-defined]
        ordering = StrictFilterBackend().unfiltered_ordering(request, self)
        queryset: Any = None  # the whole public set in the default order: no filter set, no queryset to build
        if not ordering:
            queryset = self.filter_queryset(self.get_queryset())
            ordering = tuple(getattr(getattr(queryset, "query", None), "order_by", ()))
        if filters_nothing(request) and ordering and all(isinstance(field, str) for field in ordering):
            queryset = self.whole_set(ordering)
        elif hasattr(queryset, "only"):
            queryset = summaries(queryset)
            if self.kind == "article":
                queryset = queryset.annotate(**next_window_change())
        response = Response(self.page_data(request, self.fetch(queryset)))
        locales.set_content_language(response, request.content_locale)  # type: ignore[attr-defined]
        return response

    @classmethod
    def answer_directly(cls, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse | None:
        """The response to a plain ``GET``/``HEAD`` of the whole list in its default order, the same the view would
        give, or None when the request needs the view (filters, an ordering, a locale, another format, or a bad or
        out-of-range page: the view words its errors)."""
        if not plainly_stored(request, cls.renderer_classes, PAGINATION_PARAMETERS):
            return None
        view = cls()
        view.setup(request, *args, **kwargs)
        view.locale = locales.requested(None)  # the view's locale when the query names none
        try:
            ordering = StrictFilterBackend().unfiltered_ordering(request, view)  # as get() decides it
            if not ordering:
                return None
            page = view.fetch(view.whole_set(ordering))
        except InvalidParameter:
            return None
        data = view.page_data(request, page)
        response = HttpResponse(encode(data), content_type=StoredJSONRenderer.media_type)
        locales.set_content_language(response, locales.content_locale(cls.kind, view.locale))
        response["Allow"] = _allowed_methods(cls)  # what DRF's finalize_response adds
        response["Content-Length"] = str(len(response.content))  # what CommonMiddleware adds
        return response

    def whole_set(self, ordering: tuple[str, ...]) -> CountedLater:
        """The whole public set of :attr:`kind` in :attr:`locale` and ``ordering``, fetched a page at a time by one
        prepared query (``fetch_page``); counted on its own only for a page past the end."""
        kind, locale = self.kind, self.locale
        self.fetch_page = lambda offset, limit: whole_list_page(kind, locale, ordering, offset, limit)
        return CountedLater(lambda: published(kind, locale).count())

    def fetch(self, queryset: Any) -> list[Any]:
        """The requested page of ``queryset``, with any stale row rebuilt first."""
        page = self.paginate_queryset(queryset)
        if refresh(page):
            page = self.paginate_queryset(queryset)
        return page

    def page_data(self, request: Any, page: list[Any]) -> dict:
        """The response data for ``page``, with its cache tags, last modification and, for a list of articles,
        the next moment the list changes by the clock reported to the cache middleware (every article list's
        rows carry :func:`~api.published.reads.next_window_change`)."""
        kind = BY_KEY[self.kind]
        if self.kind == "article":
            bound = window_bound(page[0]) if page else article_window_bound()
            tag_response(request, [], valid_until=bound)
        modified = [row.last_modified for row in page if row.last_modified]
        tag_response(request, [kind.list_tag, *(kind.tag(row.object_id) for row in page)], max(modified, default=None))
        return self.paginator.paginated([self.item(row) for row in page])


class PublicDetailView(GenericAPIView):
    """One public object by slug; a malformed, unknown or hidden slug is the same 404."""

    # A plain request (no query string, answered in the stored JSON: plainly_stored) is answered by
    # answer_directly from api.caching.middleware.ApiCacheMiddleware, before the rest of the middleware stack and
    # DRF run; every other request comes to get(). Both build the response in respond().

    kind: str = ""
    serves_stored_rows = True
    pagination_class = None
    filter_backends: list = []
    lookup_field = "slug"
    renderer_classes = stored_renderers()

    def get_queryset(self):
        return published(self.kind)

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        check_parameters(request, {locales.PARAMETER})
        locale = locales.requested(request)
        slug = self.kwargs.get(self.lookup_field, "")
        response = self.respond(request, slug, locale, stored=served_as_stored(request))
        if response is None:
            raise not_found()
        return response

    @classmethod
    def answer_directly(cls, request: HttpRequest, slug: str = "") -> HttpResponse | None:
        """The response to a plain ``GET``/``HEAD`` of ``slug``, the same the view would give, or None when the
        request needs the view (a query string, another format, or a 404: the view words its errors)."""
        if not plainly_stored(request, cls.renderer_classes):
            return None
        response = cls.respond(request, slug, locales.requested(None), stored=True)
        if response is not None:
            response["Allow"] = _allowed_methods(cls)  # what DRF's finalize_response adds
            response["Content-Length"] = str(len(response.content))  # what CommonMiddleware adds
        return response

    @classmethod
    def respond(cls, request: Any, slug: str, locale: str, stored: bool) -> HttpResponse | None:
        """The response for the public row of ``slug`` (None when there is none): in the stored format, the
        stored body as is, or only its validators when the client's copy may be current; otherwise a DRF
        ``Response`` for the negotiated renderer."""
        if not SLUG_PATTERN.match(slug):
            return None
        response = None
        if stored and only_revalidates(request):  # the hash decides: fetch no body unless the copy is stale
            row = find_detail(cls.kind, slug, locale, body=None)
            if row is None:
                return None
            response = not_modified(request, row.content_hash)
        if response is None:  # every current row has both bodies (build() compresses each detail)
            row = find_detail(cls.kind, slug, locale, stored_body(request) if stored else "detail_json")
            if row is None:
                return None
            response = detail_response(request, row) if stored else Response(RawJSON(row.detail_json))
        tag_response(request, row.cache_tags, row.last_modified, valid_until=row.expires)
        locales.set_content_language(response, locales.content_locale(cls.kind, locale))
        return response


@functools.cache
def _allowed_methods(view_class: type) -> str:
    view = view_class()
    view.setup(HttpRequest())  # as as_view() does: HEAD is answered by get()
    return ", ".join(view.allowed_methods)
