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

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from .build import REPRESENTATION_VERSION, build_key
from .models import StoredRepresentation
from .rebuild import flush_pending, rebuild

FRESHNESS_FIELDS = ("kind", "object_id", "representation_version", "build_key", "valid_until")


def visible_q(kind: str, now: Any = None) -> Q:
    """The read-time part of visibility for stored rows of ``kind``."""
    if kind != "article":
        return Q()
    from pages.review.visibility import in_window_q

    return Q(page__live=True, page__live_revision_id=F("revision_id")) & in_window_q("page__", now)


def published(kind: str, locale: str | None = None) -> QuerySet:
    """Stored rows of ``kind`` that the public may see now (after rebuilding what this connection deferred);
    with ``locale``, articles in that locale only (other kinds are not translated: every locale sees them)."""
    flush_pending()
    rows = StoredRepresentation.objects.filter(kind=kind).filter(visible_q(kind))
    return rows.filter(locale=locale) if locale is not None and kind == "article" else rows


def is_current(row: Any, now: Any = None) -> bool:
    now = now or timezone.now()
    return (
        row.representation_version == REPRESENTATION_VERSION
        and row.build_key == build_key()
        and (row.valid_until is None or row.valid_until > now)
    )


def find_detail(kind: str, slug: str, locale: str | None = None) -> StoredRepresentation | None:
    """The public row of ``kind`` with ``slug`` (articles: in ``locale``, earliest in the tree on a clash), fresh."""
    for _ in range(3):
        row = (
            published(kind, locale)
            .filter(slug=slug)
            .only("detail_json", "cache_tags", "last_modified", "content_hash", *FRESHNESS_FIELDS)
            .order_by("tree_path", "object_id")
            .first()
        )
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
