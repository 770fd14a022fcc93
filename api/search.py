"""Full-text search through Wagtail's search backend (PostgreSQL full-text search; SQLite FTS5 locally).

The query string is handed to the backend as plain text: never interpolated into SQL, never parsed as a query
language. Every search runs over a *public* queryset, so hidden content cannot match.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200


def normalise_query(text: str) -> str:
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_ids(model, text: str, queryset: QuerySet | None = None, limit: int = 1000) -> list[int]:
    """Primary keys of the best ``limit`` matches of ``text`` in ``queryset`` (default: the model's public set)."""
    text = normalise_query(text)
    if not text:
        return []
    queryset = queryset if queryset is not None else public_queryset(model)
    results = get_search_backend().search(text, queryset.order_by(), operator="or")
    return [obj.pk for obj in results[:limit]]


def ranked(queryset: QuerySet, text: str, limit: int) -> list:
    """The best ``limit`` matches of ``text`` in ``queryset``, each with a ``search_score`` attribute, best first."""
    text = normalise_query(text)
    if not text:
        return []
    results = get_search_backend().search(text, queryset.order_by(), operator="or").annotate_score("search_score")
    return list(results[:limit])


def public_queryset(model) -> QuerySet:
    from pages.models import ArticlePage
    from pages.review.visibility import public_articles

    if issubclass(model, ArticlePage):
        return public_articles()
    return model.objects.public()
