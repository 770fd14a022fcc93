"""Filters and ordering for ``GET /articles/``."""

from __future__ import annotations

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from providers.models import Provider, TreatmentCenter

from .base import SlugFilter, StrictFilterSet, slug_validator
from .common import FullTextSearchFilter, StableOrderingFilter, UpdatedSinceFilter


def reviewed_article_ids(provider_slug: str) -> set[int]:
    """Articles whose byline lists the public clinician ``provider_slug`` as a reviewer (one query)."""
    from pages.review.models import ArticleStamps

    rows = ArticleStamps.objects.filter(
        page__signoffs__provider__in=Provider.objects.public().filter(slug=provider_slug),
        page__signoffs__decision="approved",
    ).values_list("page_id", "byline", "page__signoffs__provider_id")
    found = set()
    for page_id, byline, provider_id in rows:
        for group in ("medical_providers", "clinical_providers"):
            if any(entry.get("provider_id") == provider_id for entry in (byline or {}).get(group, [])):
                found.add(page_id)
    return found


class ArticleFilterSet(StrictFilterSet):
    topic = SlugFilter(field_name="topics__slug", help_text="Topic slug, e.g. `depression`.")
    level_of_care = SlugFilter(field_name="levels_of_care__slug", help_text="Level-of-care slug.")
    provider = django_filters.CharFilter(
        method="filter_provider",
        validators=[slug_validator],
        max_length=200,
        help_text="Clinician slug: articles they reviewed (on the byline) or authored.",
    )
    center = django_filters.CharFilter(
        method="filter_center",
        validators=[slug_validator],
        max_length=200,
        help_text="Treatment-center slug: articles whose body features that center.",
    )
    updated_since = UpdatedSinceFilter(
        field_name="review_stamps__last_updated_at",
        help_text="ISO 8601 date or datetime: articles last updated at or after it.",
    )
    search = FullTextSearchFilter(help_text="Full-text search (at most 200 characters).")
    ordering = StableOrderingFilter(
        fields=(
            ("review_stamps__last_updated_at", "last_updated"),
            ("title", "title"),
            ("review_stamps__first_published_at", "first_published"),
        ),
        help_text="`-last_updated` (default), `title` or `-first_published` (a `-` prefix reverses).",
    )
    default_ordering = ("-review_stamps__last_updated_at", "-pk")

    def filter_provider(self, queryset, name, value):
        authored = Q(authors__provider__slug=value) & Q(authors__provider__in=Provider.objects.public().values("pk"))
        return queryset.filter(authored | Q(pk__in=reviewed_article_ids(value))).distinct()

    def filter_center(self, queryset, name, value):
        page_ids = (
            ReferenceIndex.objects.filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                to_content_type=ContentType.objects.get_for_model(TreatmentCenter),
                to_object_id__in=[
                    str(pk) for pk in TreatmentCenter.objects.public().filter(slug=value).values_list("pk", flat=True)
                ],
            )
            .annotate(page_id=Cast("object_id", IntegerField()))
            .values("page_id")
        )
        return queryset.filter(pk__in=page_ids)
