"""Filters for ``GET /centers/`` on stored rows (``near``/``radius_km`` are handled by the view, see ``geo``)."""

from __future__ import annotations

import re

import django_filters
from django.core.validators import RegexValidator

from .base import FacetFilter, StrictBooleanFilter, StrictFilterSet
from .common import StableOrderingFilter

state_validator = RegexValidator(re.compile(r"^[A-Za-z]{2}$"), "Enter a two-letter state code, e.g. AZ.")


class StateFilter(django_filters.CharFilter):
    def filter(self, qs, value):
        return qs if not value else qs.filter(state=value.upper())


class CityFilter(django_filters.CharFilter):
    def filter(self, qs, value):
        return qs if not value else qs.filter(city_key=value.lower())


class CenterFilterSet(StrictFilterSet):
    state = StateFilter(validators=[state_validator], max_length=2, help_text="Two-letter state code, e.g. `AZ`.")
    city = CityFilter(max_length=100, help_text="City name.")
    level_of_care = FacetFilter(facet="level_of_care", help_text="Level-of-care slug.")
    service = FacetFilter(facet="service", help_text="Service or therapy slug, e.g. `dbt`.")
    payer = FacetFilter(facet="payer", help_text="Payer slug.")
    population = FacetFilter(facet="population", help_text="Population slug.")
    language = FacetFilter(facet="language", help_text="Language slug.")
    accepting_new_patients = StrictBooleanFilter(field_name="accepting_new_patients", help_text="`true` or `false`.")
    ordering = StableOrderingFilter(
        fields=(("title", "name"), ("city", "city")),
        help_text="`name` (default) or `city`; not combinable with `near`, which sorts by distance.",
    )
    extra_parameters = ("near", "radius_km")
    default_ordering = ("title", "object_id")
