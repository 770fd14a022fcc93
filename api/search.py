"""Full-text search over stored representations (see :mod:`api.published.search` for the SQL).

The query string is reduced to words before anything sees it: never interpolated into SQL, never parsed as a
query language. Only stored rows that are public at read time can match, so hidden content cannot.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.db.models import QuerySet

from . import locales
from .published.models import StoredRepresentation
from .published.reads import published, refresh, with_freshness
from .published.search import match_sql

MAX_QUERY_LENGTH = 200
MAX_WORDS = 32
WORD = re.compile(r"\w+", re.UNICODE)
# Operators of SQLite FTS5 and PostgreSQL's websearch syntax: matched as plain words, never as operators.
QUERY_KEYWORDS = {"AND", "OR", "NOT", "NEAR"}


def normalise_query(text: str) -> str:
    """Words only: punctuation is dropped; keywords such as OR/AND/NOT/NEAR are lower-cased."""
    words = WORD.findall(text[: MAX_QUERY_LENGTH * 2])
    return " ".join(word.lower() if word.upper() in QUERY_KEYWORDS else word for word in words)[
        :MAX_QUERY_LENGTH
    ].strip()


def query_words(text: str) -> list[str]:
    """The distinct words searched for (operator words dropped: they are stop words anyway)."""
    words = [word.lower() for word in WORD.findall(normalise_query(text)) if word.upper() not in QUERY_KEYWORDS]
    return list(dict.fromkeys(words))[:MAX_WORDS]


def matching(queryset: QuerySet, text: str, locale: str | None = None) -> QuerySet:
    """Stored rows of ``queryset`` whose document (text in ``locale``) matches any word of ``text``."""
    words = query_words(text)
    if not words:
        return queryset.none()
    condition, params, _, _ = match_sql(words, locale or locales.default_content_locale())
    return queryset.extra(where=[condition], params=params)


def ranked(kind: str, text: str, limit: int, locale: str | None = None) -> list:
    """The best ``limit`` public rows of ``kind`` for ``text``, best first, each with ``search_rank``; articles
    in ``locale`` only, searched with that language's stemming.

    Bounded work: ranking reads each candidate's whole document, so only the ``SEARCH_CANDIDATES`` most recently
    updated matches are ranked."""
    words = query_words(text)
    if not words:
        return []
    condition, params, rank, rank_params = match_sql(words, locales.content_locale(kind, locale))
    # Newest first, in the order of the (kind, locale, -last_updated) index: PostgreSQL walks it and stops after
    # SEARCH_CANDIDATES matches when the words are common, or reads the full-text index when they are rare. Each
    # candidate is ranked in that same scan (its row is read anyway), and the statement around it keeps the best.
    candidates = (
        with_freshness(published(kind, locale))
        .extra(where=[condition], params=params, select={"search_rank": rank}, select_params=rank_params)
        .order_by("-last_updated", "-object_id")
        .values("id", "kind", "object_id", "slug", "summary_json", "search_rank", "current")
    )[: settings.SEARCH_CANDIDATES]
    inner, inner_params = candidates.query.sql_with_params()
    best = f"SELECT * FROM ({inner}) candidate ORDER BY search_rank DESC, object_id LIMIT %s"
    rows = list(StoredRepresentation.objects.raw(best, [*inner_params, limit]))
    if refresh(rows):  # a result built by an older builder, other URL settings or before today: rebuilt first
        rows = list(StoredRepresentation.objects.raw(best, [*inner_params, limit]))
    return rows
