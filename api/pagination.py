"""The one pagination class: strict ``page``/``page_size``, ``{"count", "next", "previous", "results"}``.

Contract: ``page_size`` defaults to 20 and may be 1–100; ``page`` is a positive integer no greater than the last
page (page 1 of an empty list is valid). Anything else — ``0``, ``-1``, ``abc``, ``1e3``, a 30-digit number, a
page past the end — is a 400 naming the parameter; nothing is silently clamped, so a client bug shows up at once.
``next``/``previous`` are path-and-query links (no host), so responses do not depend on the Host header.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.utils.functional import cached_property
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from .errors import InvalidParameter

POSITIVE_INTEGER = re.compile(r"^[1-9][0-9]{0,8}$")


def positive_integer(request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name)  # a DRF request's query_params, or a plain request's
    if raw is None:
        return default
    if not POSITIVE_INTEGER.match(raw):
        raise InvalidParameter(name, f"'{name}' must be a positive whole number.")
    value = int(raw)
    if maximum is not None and value > maximum:
        raise InvalidParameter(name, f"'{name}' must be at most {maximum}.")
    return value


class CountedPaginator(Paginator):
    """A paginator whose count can be supplied (lists computed in Python, e.g. distance-sorted centers)."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, list):
            return len(self.object_list)
        return self.object_list.count()


class CountedLater:
    """The list a view fetches a page at a time (its ``fetch_page``), where each page carries the total: counted
    by ``count`` only when a page comes back empty (to tell page 1 of an empty list from a page past the end)."""

    def __init__(self, count: Callable[[], int]) -> None:
        self.count = count


def counted_page(paginator: CountedPaginator, number: int, fetch: Callable[[int, int], list] | None = None) -> Page:
    """Page ``number`` of a queryset and the total count in one query: rows carrying ``_total``, from ``fetch``
    (offset, limit) when the view has a faster way to the same rows, else the queryset with ``COUNT(*) OVER ()``.

    Only an empty page needs a separate ``COUNT`` (to tell page 1 of an empty list from a page past the end)."""
    offset = (number - 1) * paginator.per_page
    if fetch is not None:
        rows = fetch(offset, paginator.per_page)
    else:
        rows = list(paginator.object_list.annotate(_total=Window(Count("*")))[offset : offset + paginator.per_page])
    if rows:
        paginator.__dict__["count"] = rows[0]._total  # fills the cached_property
    elif number == 1:
        paginator.__dict__["count"] = 0
    return Page(rows, number, paginator)


class StrictPageNumberPagination(BasePagination):
    page_query_param = "page"
    page_size_query_param = "page_size"

    def __init__(self) -> None:
        self.page = None
        self.request = None

    @property
    def default_page_size(self) -> int:
        return settings.API_PAGE_SIZE

    @property
    def max_page_size(self) -> int:
        return settings.API_MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = positive_integer(request, self.page_size_query_param, self.default_page_size, self.max_page_size)
        number = positive_integer(request, self.page_query_param, 1)
        paginator = CountedPaginator(queryset, page_size)
        in_pages = isinstance(queryset, QuerySet | CountedLater)
        if in_pages:
            self.page = counted_page(paginator, number, getattr(view, "fetch_page", None))
            past_the_end = number > 1 and not self.page.object_list
        else:
            past_the_end = number > 1 and number > paginator.num_pages
        if past_the_end:
            raise InvalidParameter(
                self.page_query_param, f"There is no page {number}; the last page is {paginator.num_pages}."
            )
        if not in_pages:
            self.page = paginator.page(number)
        return list(self.page.object_list)

    def _link(self, number: int | None) -> str | None:
        if number is None:
            return None
        url = self.request.get_full_path()
        if number == 1:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, number)

    def get_next_link(self) -> str | None:
        return self._link(self.page.next_page_number() if self.page.has_next() else None)

    def get_previous_link(self) -> str | None:
        return self._link(self.page.previous_page_number() if self.page.has_previous() else None)

    def paginated(self, data) -> dict:
        """The page's response data: ``{"count", "next", "previous", "results"}`` with ``data`` as the results."""
        return {
            "count": self.page.paginator.count,
            "next": self.get_next_link(),
            "previous": self.get_previous_link(),
            "results": data,
        }

    def get_paginated_response(self, data) -> Response:
        return Response(self.paginated(data))

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {"type": "integer", "minimum": 0},
                "next": {"type": ["string", "null"], "example": "/api/v1/articles/?page=3"},
                "previous": {"type": ["string", "null"], "example": "/api/v1/articles/?page=1"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": "Page number, from 1 to the last page (400 otherwise).",
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Results per page: 1–{self.max_page_size}, default {self.default_page_size} "
                "(400 outside that range; never clamped).",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": self.max_page_size,
                    "default": self.default_page_size,
                },
            },
        ]
