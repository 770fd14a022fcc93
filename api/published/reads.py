"""Reading stored rows: the public set right now, one detail by slug, freshness.

The public set is the stored rows of a kind; for articles the row's page is joined on its primary key and
re-checked *at read time*: still live on the same live revision the row was built from, and inside its
go-live/expiry window. Nothing waits for ``publish_scheduled`` or a cache expiry, and a row can never outlive
the state it was built from, even one changed by a raw ``UPDATE`` (reliability P5, P6, P10).

A row built by an older :data:`~api.published.build.REPRESENTATION_VERSION`, with other URL settings, or past
its ``valid_until`` (the next local midnight: review status and credential currency move with the date) is
rebuilt before it is served.
"""

from __future__ import annotations

from typing import Any

from django.db.models import DateTimeField, F, Q, QuerySet, Subquery, Value
from django.utils import timezone

from .. import locales
from .build import REPRESENTATION_VERSION, build_key
from .models import StoredRepresentation
from .prepared import PreparedQuery
from .rebuild import flush_pending, rebuild

FRESHNESS_FIELDS = ("kind", "object_id", "representation_version", "build_key", "valid_until")


def visible_q(kind: str, now: Any = None) -> Q:
    """The read-time part of visibility for stored rows of ``kind``."""
    if kind != "article":
        return Q()
    from pages.review.visibility import in_window_q

    return Q(page__live=True, page__live_revision_id=F("revision_id")) & in_window_q("page__", now)


def locale_q(kind: str, locale: str | None = None) -> Q:
    """Rows of ``kind`` in ``locale``. Without one: articles in every locale (each translation is its own
    article), other kinds in the default locale (they have a row per locale: one per object is wanted)."""
    if locale is None and kind != "article":
        locale = locales.default_content_locale()
    return Q(locale=locale) if locale is not None else Q()


def public_rows(kind: str, locale: str | None = None, now: Any = None) -> QuerySet:
    """Stored rows of ``kind`` that the public may see at ``now``, in ``locale`` (:func:`locale_q`)."""
    return StoredRepresentation.objects.filter(kind=kind).filter(visible_q(kind, now)).filter(locale_q(kind, locale))


def published(kind: str, locale: str | None = None) -> QuerySet:
    """:func:`public_rows` now, after rebuilding what this connection deferred."""
    flush_pending()
    return public_rows(kind, locale)


def next_window_change(now: Any = None) -> dict[str, Subquery]:
    """Annotations giving, on every row of a query, the next moment any stored article appears (``go_live_at``)
    or disappears (``expire_at``) by the clock alone: two index probes that PostgreSQL runs once per query.

    A response listing articles is true until the earlier of the two (:func:`window_bound`); shared caches are
    told not to keep it longer. Which rows are visible is still decided by :func:`visible_q` at read time."""
    now = now or timezone.now()
    articles = StoredRepresentation.objects.filter(kind="article")
    return {
        "next_go_live": Subquery(articles.filter(go_live_at__gt=now).order_by("go_live_at").values("go_live_at")[:1]),
        "next_expiry": Subquery(articles.filter(expire_at__gt=now).order_by("expire_at").values("expire_at")[:1]),
    }


def window_bound(row: Any) -> Any:
    """The earlier of the moments :func:`next_window_change` annotated on ``row`` (None when neither is set)."""
    moments = [moment for moment in (row.next_go_live, row.next_expiry) if moment is not None]
    return min(moments) if moments else None


def article_window_bound() -> Any:
    """:func:`window_bound` on its own (one query), for responses that do not list stored rows of one query."""
    row = StoredRepresentation.objects.annotate(**next_window_change()).only("id").first()
    return window_bound(row) if row is not None else None


def is_current(row: Any, now: Any = None) -> bool:
    now = now or timezone.now()
    return (
        row.representation_version == REPRESENTATION_VERSION
        and row.build_key == build_key()
        and (row.valid_until is None or row.valid_until > now)
    )


def _detail_query(kind: str, locale: str | None) -> PreparedQuery:
    expires = F("page__expire_at") if kind == "article" else Value(None, output_field=DateTimeField())

    def make(now: Any, slug: str) -> QuerySet:
        return (
            public_rows(kind, locale, now)
            .filter(slug=slug)
            .only("detail_json", "detail_gzip", "cache_tags", "last_modified", "content_hash", *FRESHNESS_FIELDS)
            .annotate(expires=expires)
            .order_by("tree_path", "object_id")[:1]
        )

    return PreparedQuery(f"detail:{kind}:{locale}", make)


_DETAIL_QUERIES: dict[tuple[str, str | None], PreparedQuery] = {}  # (kind, locale): a few, from the settings


def find_detail(kind: str, slug: str, locale: str | None = None) -> Any:
    """The public row of ``kind`` with ``slug`` (articles: in ``locale``, earliest in the tree on a clash), fresh:
    one prepared query. The row carries ``expires``: when it stops being public by the clock alone (an article's
    ``expire_at``)."""
    flush_pending()
    key = (kind, locale)
    query = _DETAIL_QUERIES.get(key) or _DETAIL_QUERIES.setdefault(key, _detail_query(kind, locale))
    for _ in range(3):
        rows = query.compiled(StoredRepresentation).run(timezone.now(), slug)
        row = rows[0] if rows else None
        if row is None or is_current(row):
            return row
        rebuild(kind, row.object_id)
    return None


def refresh(rows: list[Any]) -> bool:
    """Rebuild the stale rows among ``rows`` (model instances with FRESHNESS_FIELDS); True when any was."""
    now = timezone.now()
    stale = [row for row in rows if not is_current(row, now)]
    for row in stale:
        rebuild(row.kind, row.object_id)
    return bool(stale)
