"""Filters shared by several resources: full-text ``search``, ISO ``updated_since`` and stable ordering."""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from ..errors import InvalidParameter
from ..search import matching


class FullTextSearchFilter(django_filters.CharFilter):
    """Narrows a list of stored rows to those whose full-text document matches (text, never SQL)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("help_text", "Full-text search (at most 200 characters).")
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        # The list view notes the language of the rows it lists (api.locales.content_locale) for the stemming.
        request = getattr(getattr(self, "parent", None), "request", None)
        return matching(qs, value, getattr(request, "content_locale", None))


# What both databases store (PostgreSQL refuses larger offsets; years outside 1–9999 do not exist in Python).
MAX_UTC_OFFSET = datetime.timedelta(hours=15, minutes=59)
MIN_YEAR, MAX_YEAR = 1, 9999


class IsoDateTimeField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value in (None, ""):
            return None
        try:
            moment = parse_datetime(value)
            if moment is None:
                day = parse_date(value)
                if day is None:
                    raise ValueError
                moment = datetime.datetime.combine(day, datetime.time.min)
        except ValueError as error:
            raise forms.ValidationError("Enter an ISO 8601 date or datetime, e.g. 2025-12-22.") from error
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, datetime.UTC)
        offset = moment.utcoffset() or datetime.timedelta(0)
        try:
            in_utc = moment.astimezone(datetime.UTC)
        except OverflowError:
            in_utc = None
        if abs(offset) > MAX_UTC_OFFSET or in_utc is None or not (MIN_YEAR <= in_utc.year <= MAX_YEAR):
            raise forms.ValidationError(
                "Enter a datetime between years 1 and 9999 with a UTC offset of at most ±15:59, e.g. 2025-12-22."
            )
        return in_utc


class UpdatedSinceFilter(django_filters.Filter):
    field_class = IsoDateTimeField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("lookup_expr", "gte")
        super().__init__(*args, **kwargs)


class StableOrderingFilter(django_filters.OrderingFilter):
    """OrderingFilter on an allowlist, one field at a time, with ``pk`` as tiebreaker for stable pages."""

    def filter(self, qs, value):
        if value in (None, [], ""):
            return qs
        if len(value) > 1:
            raise InvalidParameter(self.field_name, "Order by one field at a time.")
        ordering = self.get_ordering_value(value[0])
        return qs.order_by(ordering, "-object_id" if ordering.startswith("-") else "object_id")
