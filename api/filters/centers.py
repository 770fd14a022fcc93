"""Filters for ``GET /centers/`` (``near``/``radius_km`` are handled by the view, see ``geo``)."""

from __future__ import annotations

import re

import django_filters
from django.core.validators import RegexValidator

from .base import SlugFilter, StrictBooleanFilter, StrictFilterSet
from .common import StableOrderingFilter

state_validator = RegexValidator(re.compile(r"^[A-Za-z]{2}$"), "Enter a two-letter state code, e.g. AZ.")


class StateFilter(django_filters.CharFilter):
    def filter(self, qs, value):
        return qs if not value else qs.filter(state=value.upper())


class CenterFilterSet(StrictFilterSet):
    state = StateFilter(validators=[state_validator], max_length=2, help_text="Two-letter state code, e.g. `AZ`.")
    city = django_filters.CharFilter(field_name="city", lookup_expr="iexact", max_length=100, help_text="City name.")
    level_of_care = SlugFilter(field_name="programs__level_of_care__slug", help_text="Level-of-care slug.")
    service = SlugFilter(field_name="services__slug", help_text="Service or therapy slug, e.g. `dbt`.")
    payer = SlugFilter(field_name="payers__slug", help_text="Payer slug.")
    population = SlugFilter(field_name="populations__slug", help_text="Population slug.")
    language = SlugFilter(field_name="languages__slug", help_text="Language slug.")
    accepting_new_patients = StrictBooleanFilter(field_name="accepting_new_patients", help_text="`true` or `false`.")
    ordering = StableOrderingFilter(
        fields=(("name", "name"), ("city", "city")),
        help_text="`name` (default) or `city`; not combinable with `near`, which sorts by distance.",
    )
    extra_parameters = ("near", "radius_km")
    default_ordering = ("name", "pk")
