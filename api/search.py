"""Full-text search through Wagtail's search backend (PostgreSQL full-text search; SQLite FTS5 locally).

The query string is handed to the backend as plain text: never interpolated into SQL, never parsed as a query
language. The backend can only filter on indexed fields, so it searches the *live* objects of a model and the
candidates are then narrowed to the public queryset in one SQL query: hidden content cannot match.
"""

from __future__ import annotations

import re

from django.db.models import QuerySet
from wagtail.search.backends import get_search_backend

from .visibility import public_queryset

MAX_QUERY_LENGTH = 200
WORD = re.compile(r"\w+", re.UNICODE)
FTS_KEYWORDS = {"AND", "OR", "NOT", "NEAR"}


def normalise_query(text: str) -> str:
    """Words only: punctuation is dropped before the backend sees it.

    SQLite FTS5 gives quotes, parentheses, ``*``, ``-``, ``NEAR``/``OR`` meaning inside ``MATCH`` and raises on
    unbalanced ones (an OperationalError, i.e. a 5xx for client input); words are all a reader's query needs.
    Keywords such as OR/AND/NOT/NEAR are lower-cased so they are matched as words.
    """
    words = WORD.findall(text[: MAX_QUERY_LENGTH * 2])
    return " ".join(word.lower() if word.upper() in FTS_KEYWORDS else word for word in words)[:MAX_QUERY_LENGTH].strip()


def ranked(model, text: str, limit: int, queryset: QuerySet | None = None) -> list:
    """The best ``limit`` public matches of ``text``, each with ``search_score``, best first (two queries).

    ``queryset`` (optional) is the live-object queryset the backend searches, e.g. with prefetches.
    """
    text = normalise_query(text)
    if not text:
        return []
    # The backend searches live objects (``live`` is an indexed filter field); the full public rule is applied
    # to the candidates right after, through the one public queryset.
    searchable = queryset if queryset is not None else model.objects.filter(live=True)
    results = get_search_backend().search(text, searchable.order_by(), operator="or").annotate_score("search_score")
    candidates = list(results[: limit * 2])
    public = set(public_queryset(model).filter(pk__in=[obj.pk for obj in candidates]).values_list("pk", flat=True))
    return [obj for obj in candidates if obj.pk in public][:limit]


def search_ids(model, text: str, limit: int = 1000) -> list[int]:
    """Primary keys of the best ``limit`` public matches of ``text``."""
    return [obj.pk for obj in ranked(model, text, limit)]
