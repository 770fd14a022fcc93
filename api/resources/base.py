"""Base views for public resources: strict parameters, one pagination, hidden answers exactly like absent."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import NotFound
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from ..caching import tag_response
from ..filters import StrictFilterBackend, check_parameters
from ..filters.base import SLUG_PATTERN
from ..pagination import StrictPageNumberPagination


def not_found() -> NotFound:
    """The one 404 for unknown *and* hidden objects (same status, same body)."""
    return NotFound("Not found.")


class PublicListView(GenericAPIView):
    """A paginated, filtered list of public objects, represented in bulk (queries independent of page size)."""

    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]
    list_tag: str = ""

    def represent(self, objects: list[Any], request: Request) -> list[dict]:
        raise NotImplementedError

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        queryset = self.filter_queryset(self.get_queryset())
        page = self.paginate_queryset(queryset)
        tag_response(request, [self.list_tag])
        return self.get_paginated_response(self.represent(page, request))


class PublicDetailView(GenericAPIView):
    """One public object by slug; a malformed, unknown or hidden slug is the same 404."""

    pagination_class = None
    filter_backends: list = []
    lookup_field = "slug"

    def represent(self, obj: Any, request: Request) -> dict:
        raise NotImplementedError

    # Tiebreak when a slug is not unique (Wagtail page slugs are unique among siblings only).
    slug_tiebreak: tuple[str, ...] = ("pk",)

    def get_object(self) -> Any:
        slug = self.kwargs.get(self.lookup_field, "")
        if not SLUG_PATTERN.match(slug):
            raise not_found()
        obj = self.get_queryset().filter(**{self.lookup_field: slug}).order_by(*self.slug_tiebreak).first()
        if obj is None:
            raise not_found()
        return obj

    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        check_parameters(request, set())
        return Response(self.represent(self.get_object(), request))
