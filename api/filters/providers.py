"""Filters for ``GET /providers/``."""

from __future__ import annotations

import django_filters

from providers.models import CredentialHolding, Provider, TreatmentCenter

from .base import StrictFilterSet, slug_validator
from .common import FullTextSearchFilter, StableOrderingFilter


class ProviderFilterSet(StrictFilterSet):
    category = django_filters.ChoiceFilter(
        choices=Provider.Category.choices, help_text="`medical`, `clinical` or `other`."
    )
    center = django_filters.CharFilter(
        method="filter_center",
        validators=[slug_validator],
        max_length=200,
        help_text="Treatment-center slug: clinicians practising at that (published) center.",
    )
    credential = django_filters.CharFilter(
        method="filter_credential",
        max_length=24,
        help_text="Credential code as printed (e.g. `LPC-S`): clinicians holding it, active.",
    )
    search = FullTextSearchFilter()
    ordering = StableOrderingFilter(fields=(("name", "name"),), help_text="`name` (default) or `-name`.")
    default_ordering = ("name", "pk")

    def filter_center(self, queryset, name, value):
        # Only published centers count: a draft center's roster is not public.
        return queryset.filter(centers__in=TreatmentCenter.objects.public().filter(slug=value).values("pk")).distinct()

    def filter_credential(self, queryset, name, value):
        return queryset.filter(
            credential_holdings__credential__code__iexact=value,
            credential_holdings__status=CredentialHolding.Status.ACTIVE,
        ).distinct()
