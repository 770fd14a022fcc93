"""Strict query-parameter handling shared by every list endpoint.

django-filter ignores parameters it does not know and drops empty values; a public API should say so instead.
:class:`StrictFilterBackend` answers 400 (naming the parameter) for an unknown parameter, a parameter given
more than once, an empty value, or a value its filter rejects. Only declared filters exist, so no ORM lookup
(``title__regex``…) is reachable, and ``ordering`` accepts only its allowlist.
"""

from __future__ import annotations

import re
from typing import Any

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.db.models import Exists, OuterRef
from django_filters.rest_framework import DjangoFilterBackend

from .. import locales
from ..errors import InvalidParameter
from ..published.models import RepresentationFacet

PAGINATION_PARAMETERS = ("page", "page_size")
SLUG_PATTERN = re.compile(r"^[-a-zA-Z0-9_]{1,200}$")
slug_validator = RegexValidator(SLUG_PATTERN, "Enter a valid slug (letters, digits, hyphens and underscores).")


class FacetFilter(django_filters.CharFilter):
    """Stored rows carrying ``facet=value`` in their facet table (a slug by default: a malformed slug is a 400,
    an unknown one matches nothing). ``normalise`` maps the value to its stored form (e.g. lower-cased)."""

    def __init__(self, *args: Any, facet: str, normalise: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("validators", [slug_validator])
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)
        self.facet, self.normalise = facet, normalise or (lambda value: value)

    def filter(self, qs, value):
        if value in (None, ""):
            return qs

        matching = RepresentationFacet.objects.filter(
            record=OuterRef("pk"), facet=self.facet, value=self.normalise(value)
        )
        return qs.filter(Exists(matching))


class StrictBooleanFilter(django_filters.Filter):
    """``true`` or ``false`` (also 1/0); anything else is a 400."""

    field_class = forms.CharField
    TRUE, FALSE = {"true", "1"}, {"false", "0"}

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        lowered = value.lower()
        if lowered not in self.TRUE | self.FALSE:
            raise InvalidParameter(self.field_name, f"'{self.field_name}' must be true or false.")
        return qs.filter(**{self.field_name: lowered in self.TRUE})


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet that also knows its extra (non-filter) parameters and its default ordering."""

    extra_parameters: tuple[str, ...] = ()
    default_ordering: tuple[str, ...] = ()


def filters_nothing(request) -> bool:
    """True when the query only pages, orders or picks the locale: the list is the whole public set."""
    return set(request.GET) <= {*PAGINATION_PARAMETERS, "ordering", locales.PARAMETER}  # DRF's or a plain request


def check_parameters(request, allowed: set[str]) -> None:
    """400 for unknown, repeated or empty parameters (the request guard already refused control characters)."""
    for name in request.GET:  # a DRF request's query_params, or a plain request's (api.resources.base)
        if name not in allowed:
            raise InvalidParameter(name, f"Unknown query parameter '{name}'. Allowed: {', '.join(sorted(allowed))}.")
        values = request.GET.getlist(name)
        if len(values) > 1:
            raise InvalidParameter(name, f"'{name}' is given more than once.")
        if values[0].strip() == "":
            raise InvalidParameter(name, f"'{name}' is empty.")


class StrictFilterBackend(DjangoFilterBackend):
    """DjangoFilterBackend that refuses what it does not understand instead of ignoring it."""

    def allowed_parameters(self, view, filterset_class) -> set[str]:
        allowed = set(PAGINATION_PARAMETERS) if getattr(view, "pagination_class", None) else set()
        allowed.add(locales.PARAMETER)  # every resource takes ?locale= (validated by api.locales.requested)
        if filterset_class is not None:
            allowed |= set(filterset_class.base_filters) | set(getattr(filterset_class, "extra_parameters", ()))
        return allowed

    def unfiltered_ordering(self, request, view) -> tuple[str, ...] | None:
        """For a request that only pages or picks the locale (valid), the default ordering of the view's
        filter set: the list is then the whole public set in that order, and no filter set needs to be built.
        None when the request filters or orders (:meth:`filter_queryset` decides then)."""
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None or not filters_nothing(request) or "ordering" in request.GET:
            return None
        check_parameters(request, self.allowed_parameters(view, filterset_class))
        return tuple(filterset_class.default_ordering) or None

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        check_parameters(request, self.allowed_parameters(view, filterset_class))
        if filterset_class is None:
            return queryset
        filterset = filterset_class(data=request.query_params, queryset=queryset, request=request)
        if not filterset.is_valid():
            name, messages = next(iter(filterset.errors.items()))
            raise InvalidParameter(name, f"'{name}': {' '.join(str(message) for message in messages)}")
        queryset = filterset.qs
        if "ordering" not in request.query_params and filterset_class.default_ordering:
            queryset = queryset.order_by(*filterset_class.default_ordering)
        return queryset
