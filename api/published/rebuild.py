"""Write, refresh and remove stored rows — the only writer of :mod:`api.published.models`.

Called from signal receivers (:mod:`api.published.signals`) inside the transaction of the change, so a rolled
back publish leaves no row and a read in the same transaction already sees the new one. A change to an object
rebuilds its own row, then the rows that embed it (found through their ``uses:`` facets), then the rows that
may start embedding it (:data:`REVERSE_RULES`, e.g. the clinicians whose "articles reviewed" lists an article).

Child rows and many-to-many links arrive one save at a time (a publish of a center with seven hours rows sends
seven signals before the center's own ``published``). They are *deferred* (:func:`defer`): collected per
connection and rebuilt once, by the next :func:`object_changed` in the same transaction (the publish signal that
follows them on every publish path), by the next read on this connection (:func:`flush_pending`, called by
:func:`api.published.reads.published`), or when the transaction commits (at once outside a transaction).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from ..caching import invalidate_tags
from ..caching.versions import lock_clock
from .build import REPRESENTATION_VERSION, USES, build, build_key
from .models import RepresentationFacet, StoredRepresentation
from .registry import BY_KEY, KINDS, ContentKind, kind_for
from .search import index_row, unindex_rows

logger = logging.getLogger("api.published")


def label_of(model: Any) -> str:
    return model._meta.label_lower


@transaction.atomic
def rebuild(kind_key: str, pk: Any) -> StoredRepresentation | None:
    """Build and store the rows of one object — one per locale it is stored in (``ContentKind.locales``) — or
    remove them when the object is not public (any time window). Returns the row in its first locale."""
    kind = BY_KEY[kind_key]
    # Lock order: the invalidation clock, then stored rows. A reader that finds a row stale rebuilds it while a
    # publish may be running; publishes take the clock first (content events invalidate their tags early), so
    # taking the stored row first here deadlocked against them.
    lock_clock()
    obj = kind.buildable().filter(pk=pk).first()
    if obj is None:
        remove(kind, [pk])
        return None
    # Concurrent rebuilds of one row (two readers finding it stale) queue here instead of racing on facets.
    list(StoredRepresentation.objects.select_for_update().filter(kind=kind.key, object_id=obj.pk))
    wanted = kind.locales(obj)
    rows = [_store(kind, obj, locale) for locale in wanted]
    other = StoredRepresentation.objects.filter(kind=kind.key, object_id=obj.pk).exclude(locale__in=wanted)
    other_ids = list(other.values_list("pk", flat=True))  # a locale no longer in LANGUAGES
    if other_ids:
        unindex_rows(other_ids)
        other.delete()
    invalidate_tags([kind.tag(obj.pk), kind.list_tag])
    return rows[0]


def _store(kind: ContentKind, obj: Any, locale: str) -> StoredRepresentation:
    built = build(kind, obj, locale)
    defaults = {
        "slug": built.slug,
        "path": built.path,
        "detail_json": built.detail_json,
        "detail_gzip": built.detail_gzip,
        "summary_json": built.summary_json,
        "content_hash": built.content_hash,
        "cache_tags": built.cache_tags,
        "last_modified": built.last_modified,
        "published_at": getattr(obj, "last_published_at", None),
        "representation_version": REPRESENTATION_VERSION,
        "build_key": build_key(),
        "built_at": timezone.now(),
        "valid_until": built.valid_until,
        "page_live": True,  # built from what is live now; the page trigger clears it if that changes
        **built.columns,
    }
    row, _ = StoredRepresentation.objects.update_or_create(
        kind=kind.key, object_id=obj.pk, locale=built.locale, defaults=defaults
    )
    RepresentationFacet.objects.filter(record=row).delete()
    RepresentationFacet.objects.bulk_create(
        [RepresentationFacet(record=row, facet=facet, value=value[:255]) for facet, value in sorted(built.facets)]
    )
    index_row(row.pk, kind.key, built.search, built.locale)
    return row


def remove(kind: ContentKind, pks: Iterable[Any]) -> None:
    lock_clock()  # the same lock order as rebuild()
    rows = StoredRepresentation.objects.filter(kind=kind.key, object_id__in=list(pks))
    found = list(rows.values_list("pk", "object_id"))
    if not found:
        return
    unindex_rows([pk for pk, _ in found])
    rows.delete()
    invalidate_tags([*(kind.tag(object_id) for _, object_id in found), kind.list_tag])


def dependents(label: str, pks: Iterable[Any]) -> set[tuple[str, int]]:
    """Stored rows that embed object(s) ``pks`` of model ``label`` (or any object of it)."""
    values = [str(pk) for pk in pks] + ["*"]
    return set(
        StoredRepresentation.objects.filter(facets__facet=USES + label, facets__value__in=values)
        .values_list("kind", "object_id")
        .distinct()
    )


def _article_reverse(pk: int) -> set[tuple[str, int]]:
    from pages.models import ArticleAuthor
    from pages.review.models import SignOff

    providers = set(SignOff.objects.filter(page_id=pk, provider__isnull=False).values_list("provider_id", flat=True))
    providers |= set(ArticleAuthor.objects.filter(page_id=pk).values_list("provider_id", flat=True))
    return {("provider", provider) for provider in providers} | _translations_of(pk)


def _translations_of(pk: int) -> set[tuple[str, int]]:
    """An article's translations list it (``translations``): they change when it becomes public or stops."""
    from pages.models import ArticlePage

    key = ArticlePage.objects.filter(pk=pk).values("translation_key")
    return {
        ("article", other)
        for other in ArticlePage.objects.filter(translation_key__in=key).exclude(pk=pk).values_list("pk", flat=True)
    }


def _center_reverse(pk: int) -> set[tuple[str, int]]:
    from providers.models import Provider

    through = Provider.centers.through.objects.filter(treatmentcenter_id=pk)
    return {("provider", provider) for provider in through.values_list("provider_id", flat=True)}


# Objects that may start embedding a newly public object, which their ``uses:`` facets cannot know yet.
REVERSE_RULES = {"article": _article_reverse, "center": _center_reverse}


def _pending() -> set[tuple[str, Any]]:
    pending = getattr(connection, "_verity_pending_rebuilds", None)
    if pending is None:
        pending = set()
        connection._verity_pending_rebuilds = pending
    return pending


def defer(kind_key: str, pks: Iterable[Any]) -> None:
    """Note that object(s) changed; rebuilt once by the next flush point (see the module docstring)."""
    pending = _pending()
    new = {(kind_key, pk) for pk in pks if pk is not None} - pending
    if not new:
        return
    pending |= new
    transaction.on_commit(flush_pending, robust=True)  # outside a transaction: runs at once


def flush_pending() -> None:
    """Rebuild every deferred object (and what embeds it) now."""
    while True:
        pending = _pending()
        if not pending:
            return
        items = sorted(pending, key=str)
        pending.clear()
        _changed(items)


def object_changed(kind_key: str, pks: Iterable[Any]) -> None:
    """Public object(s) changed (published, unpublished, deleted, moved, restricted…): rebuild them and
    everything that embeds them, together with anything deferred on this connection."""
    items = [(kind_key, pk) for pk in pks if pk is not None]
    pending = _pending()
    items += sorted(pending, key=str)
    pending.clear()
    _changed(items)


def _changed(items: Iterable[tuple[str, Any]]) -> None:
    changed = sorted(set(items), key=str)
    if not changed:
        return
    for kind_key, pk in changed:
        rebuild(kind_key, pk)
    targets: set[tuple[str, Any]] = set()
    by_kind: dict[str, list[Any]] = {}
    for kind_key, pk in changed:
        by_kind.setdefault(kind_key, []).append(pk)
    for kind_key, pks in by_kind.items():
        targets |= dependents(label_of(BY_KEY[kind_key].model), pks)
        reverse = REVERSE_RULES.get(kind_key)
        for pk in pks:
            targets |= reverse(pk) if reverse else set()
    done = set(changed)
    rebuild_all(target for target in targets if target not in done)


def reference_changed(model: Any, pks: Iterable[Any]) -> None:
    """Something embedded (a vocabulary term, credential, crisis line, image…) changed: rebuild its dependents."""
    rebuild_all(dependents(label_of(model), pks))


def rebuild_all(targets: Iterable[tuple[str, int]]) -> None:
    for kind_key, pk in sorted(set(targets)):
        rebuild(kind_key, pk)


def rebuild_object(obj: Any) -> None:
    kind = kind_for(obj)
    if kind is not None:
        object_changed(kind.key, [obj.pk])


def kinds() -> tuple[ContentKind, ...]:
    return KINDS
