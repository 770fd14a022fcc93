"""Reading stored rows: the public set right now, one detail by slug, counts, freshness.

The public set is the stored rows of a kind whose ``page_live`` holds and whose go-live/expiry window contains
*now*, evaluated at read time: nothing waits for ``publish_scheduled`` or a cache expiry. ``page_live`` and the
window follow the page row through a database trigger (:mod:`api.published.triggers`), whoever changes it — a
raw ``UPDATE`` included (reliability P5, P6, P10) — so no read joins the page table.

A row built by an older :data:`~api.published.build.REPRESENTATION_VERSION`, with other URL settings, or past
its ``valid_until`` (the next local midnight: review status and credential currency move with the date) is
rebuilt before it is served.
"""

from __future__ import annotations

from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, F, IntegerField, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import locales
from .build import REPRESENTATION_VERSION, build_key
from .models import StoredRepresentation, StoredRowCount
from .prepared import PLACEHOLDER_LIMIT, PLACEHOLDER_OFFSET, PreparedQuery
from .rebuild import flush_pending, rebuild

SUMMARY_FIELDS = ("summary_json", "last_modified", "kind", "object_id")


def current_q(now: Any) -> Q:
    """The one freshness rule: a stored row is served as it is when it was built by this
    :data:`~api.published.build.REPRESENTATION_VERSION`, with these URL settings (``build_key``), and ``now`` is
    before its ``valid_until``; any other row is rebuilt first. Evaluated in the query that reads the row."""
    return Q(representation_version=REPRESENTATION_VERSION, build_key=build_key()) & (
        Q(valid_until__isnull=True) | Q(valid_until__gt=now)
    )


def with_freshness(rows: QuerySet, now: Any = None) -> QuerySet:
    """``rows`` with ``current`` (:func:`current_q`) on each, and what a rebuild needs (``kind``, ``object_id``)."""
    current = ExpressionWrapper(current_q(now or timezone.now()), output_field=BooleanField())
    return rows.annotate(current=current)


def summaries(rows: QuerySet, *extra: str, now: Any = None) -> QuerySet:
    """``rows`` loading only what a list item needs (the stored summary, ``last_modified``, freshness), plus
    ``extra`` fields."""
    return with_freshness(rows.only(*SUMMARY_FIELDS, *extra), now)


def visible_q(kind: str, now: Any = None) -> Q:
    """The read-time part of visibility for stored rows (every kind: other kinds have no page and no window)."""
    from pages.review.visibility import in_window_q

    return Q(page_live=True) & in_window_q("", now)


def hidden_arms(now: Any) -> tuple[Q, Q, Q]:
    """Exactly the stored rows :func:`visible_q` leaves out (the complement of its window test), as three
    disjoint parts, each one index probe: not live (the partial index on those rows), live but not yet live
    (the go-live index), live but expired (the expiry index). They are few, so counting them is cheap; counted
    apart, each uses its index on PostgreSQL and SQLite alike (SQLite walks every row of the locale for the
    three joined with OR)."""
    started = Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)
    return Q(page_live=False), Q(page_live=True, go_live_at__gt=now), Q(page_live=True, expire_at__lte=now) & started


def hidden_q(now: Any) -> Q:
    """The rows of :func:`hidden_arms` as one condition."""
    first, second, third = hidden_arms(now)
    return first | second | third


def locale_q(kind: str, locale: str | None = None) -> Q:
    """Rows of ``kind`` in ``locale``. Without one: articles in every locale (each translation is its own
    article), other kinds in the default locale (they have a row per locale: one per object is wanted)."""
    if locale is None and kind != "article":
        locale = locales.default_content_locale()
    return Q(locale=locale) if locale is not None else Q()


def public_rows(kind: str, locale: str | None = None, now: Any = None) -> QuerySet:
    """Stored rows of ``kind`` that the public may see at ``now``, in ``locale`` (:func:`locale_q`)."""
    return StoredRepresentation.objects.filter(kind=kind).filter(visible_q(kind, now)).filter(locale_q(kind, locale))


def public_count(kind: str, locale: str | None = None, now: Any = None) -> Any:
    """How many rows :func:`public_rows` holds, as an expression to annotate on a list's page query: the
    trigger-kept row count minus the rows hidden right now. Never counts the public rows themselves, so it
    costs the same at 1,000 rows as at 100,000."""
    now = now or timezone.now()
    stored = StoredRowCount.objects.filter(kind=kind).filter(locale_q(kind, locale))
    rows = StoredRepresentation.objects.filter(kind=kind).filter(locale_q(kind, locale))
    whole = IntegerField()
    total: Any = Coalesce(
        Subquery(stored.values("kind").annotate(total=Sum("count")).values("total"), output_field=whole), 0
    )
    for arm in hidden_arms(now):
        hidden = rows.filter(arm).values("kind").annotate(total=Count("*")).values("total")
        total = total - Coalesce(Subquery(hidden, output_field=whole), 0)
    return total


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


def list_page_query(kind: str, locale: str | None, ordering: tuple[str, ...], now: Any) -> QuerySet:
    """A page of all of :func:`public_rows` in ``ordering``: summaries, the total (:func:`public_count`) and,
    for articles, the next window change (:func:`next_window_change`)."""
    rows = summaries(public_rows(kind, locale, now).order_by(*ordering), now=now)
    rows = rows.annotate(_total=public_count(kind, locale, now))
    return rows.annotate(**next_window_change(now)) if kind == "article" else rows


def whole_list_page(kind: str, locale: str | None, ordering: tuple[str, ...], offset: int, limit: int) -> list:
    """Rows ``offset`` to ``offset + limit`` of :func:`list_page_query` (each carrying ``_total``): one prepared
    query, so an unfiltered list costs no ORM work per request."""
    flush_pending()

    def make(now: Any, _text: str) -> QuerySet:  # only called when this connection has not compiled it yet
        page = slice(PLACEHOLDER_OFFSET, PLACEHOLDER_OFFSET + PLACEHOLDER_LIMIT)
        return list_page_query(kind, locale, ordering, now)[page]

    name = f"list:{kind}:{locale}:{','.join(ordering)}:{build_key()}"  # orderings are allowlisted
    query = PreparedQuery(name, make)
    return query.compiled(StoredRepresentation).run("", offset, limit)


def article_window_bound() -> Any:
    """:func:`window_bound` on its own (one query), for responses that do not list stored rows of one query."""
    row = StoredRepresentation.objects.annotate(**next_window_change()).only("id").first()
    return window_bound(row) if row is not None else None


def _detail_query(kind: str, locale: str | None, body: str | None) -> PreparedQuery:
    fields = (*([body] if body else []), "cache_tags", "last_modified", "content_hash", "kind", "object_id")

    def make(now: Any, slug: str) -> QuerySet:
        rows = public_rows(kind, locale, now).filter(slug=slug).only(*fields)
        return with_freshness(rows, now).annotate(expires=F("expire_at")).order_by("tree_path", "object_id")[:1]

    return PreparedQuery(f"detail:{kind}:{locale}:{body}:{build_key()}", make)


def find_detail(kind: str, slug: str, locale: str | None = None, body: str | None = "detail_json") -> Any:
    """The public row of ``kind`` with ``slug`` (articles: in ``locale``, earliest in the tree on a clash), fresh:
    one prepared query, fetching only the stored ``body`` the response needs (``detail_json`` or
    ``detail_gzip``; None for a revalidation, which only needs the hash). The row carries ``expires``: when it stops being
    public by the clock alone (an article's ``expire_at``)."""
    flush_pending()
    query = _detail_query(kind, locale, body)  # compiled once per connection and name (api.published.prepared)
    for _ in range(3):
        rows = query.compiled(StoredRepresentation).run(slug)
        row = rows[0] if rows else None
        if row is None or row.current:
            return row
        rebuild(kind, row.object_id)
    return None


def refresh(rows: list[Any]) -> bool:
    """Rebuild the stale rows among ``rows`` (read through :func:`with_freshness`); True when any was."""
    stale = [row for row in rows if not row.current]
    for row in stale:
        rebuild(row.kind, row.object_id)
    return bool(stale)
