"""Filters and ordering for ``GET /articles/``, on stored rows (columns and facets, see ``api.published``)."""

from __future__ import annotations

from .base import FacetFilter, StrictFilterSet
from .common import FullTextSearchFilter, StableOrderingFilter, UpdatedSinceFilter


class ArticleFilterSet(StrictFilterSet):
    topic = FacetFilter(facet="topic", help_text="Topic slug, e.g. `depression`.")
    level_of_care = FacetFilter(facet="level_of_care", help_text="Level-of-care slug.")
    provider = FacetFilter(
        facet="provider", help_text="Clinician slug: articles they reviewed (on the byline) or authored."
    )
    center = FacetFilter(facet="center", help_text="Treatment-center slug: articles whose body features that center.")
    updated_since = UpdatedSinceFilter(
        field_name="last_updated",
        help_text="ISO 8601 date or datetime: articles last updated at or after it.",
    )
    search = FullTextSearchFilter(help_text="Full-text search (at most 200 characters).")
    ordering = StableOrderingFilter(
        fields=(("last_updated", "last_updated"), ("title", "title"), ("first_published", "first_published")),
        help_text="`-last_updated` (default), `title` or `-first_published` (a `-` prefix reverses).",
    )
    default_ordering = ("-last_updated", "-object_id")
