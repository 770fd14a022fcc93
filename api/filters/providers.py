"""Filters for ``GET /providers/``, on stored rows (columns and facets, see ``api.published``)."""

from __future__ import annotations

import django_filters

from providers.models import Provider

from .base import FacetFilter, StrictFilterSet
from .common import FullTextSearchFilter, StableOrderingFilter


class ProviderFilterSet(StrictFilterSet):
    category = django_filters.ChoiceFilter(
        choices=Provider.Category.choices, help_text="`medical`, `clinical` or `other`."
    )
    center = FacetFilter(
        facet="center", help_text="Treatment-center slug: clinicians practising at that (published) center."
    )
    credential = FacetFilter(
        facet="credential",
        normalise=str.lower,
        validators=[],
        max_length=24,
        help_text="Credential code as printed (e.g. `LPC-S`): clinicians holding it, active.",
    )
    search = FullTextSearchFilter()
    ordering = StableOrderingFilter(fields=(("title", "name"),), help_text="`name` (default) or `-name`.")
    default_ordering = ("title", "object_id")
