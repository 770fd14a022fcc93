"""Recording content events: the only writer of :class:`ContentEvent`.

:func:`record_event` inserts the event and invalidates the cached API responses built from the object inside
the caller's transaction (so a rolled-back publish leaves neither) and, after that transaction commits, hands
the event to the webhook queue. Nothing external happens before the commit, and nothing that happens
after it (a cache outage, a broken queue) can fail the publish: after-commit work is logged, not raised.
"""

from __future__ import annotations

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Model

from api.caching import invalidate_tags
from api.cdn import enqueue_purge
from api.replicas import track_primary_write
from api.webhooks.tasks import enqueue_deliveries

from .models import PUBLICATION_EVENT_TYPES, ContentEvent, EventType
from .subjects import CHANGE_FEED_TAG, cache_tags_for, paths_for, subject_for

logger = logging.getLogger("api.events")

# Arbitrary constant naming the PostgreSQL advisory lock that orders event ids by commit.
_EVENT_LOCK_KEY = 0x5E7171


def record_event(event_type: str, obj: Model, *, data: dict | None = None) -> ContentEvent:
    """Record ``event_type`` (``article.published`` …) for ``obj``; purge caches and send webhooks after commit."""
    if event_type not in EventType.values:
        raise ValueError(f"unknown event type {event_type!r}")
    subject = subject_for(obj)
    object_type = subject.object_type if subject else event_type.split(".", 1)[0]
    tags = cache_tags_for(obj)
    if event_type.endswith((".unpublished", ".deleted")):
        # Purge everything the object was published into, even relations gone by now (e.g. on delete).
        previous = last_publication_event(obj)
        tags += [tag for tag in (previous.cache_tags if previous else []) if tag not in tags]
    with transaction.atomic():
        if event_type in PUBLICATION_EVENT_TYPES:
            # In the transaction, before the event lock (always this order): stale for every process at commit.
            invalidate_tags([*tags, CHANGE_FEED_TAG])
        _serialise_event_ids()
        event = ContentEvent.objects.create(
            event_type=event_type,
            object_type=object_type,
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            slug=str(getattr(obj, "slug", "") or ""),
            paths=paths_for(obj),
            cache_tags=tags,
            data=data or {},
        )
        event_id = event.pk
        transaction.on_commit(lambda: after_commit(event_id), robust=True)
    return event


def _serialise_event_ids() -> None:
    """Hold a transaction-scoped lock so event ids commit in the order they were allocated (PostgreSQL).

    SQLite already serialises writers. Publishing is rare, so making publishers queue here is cheap, and it
    is what lets a change-feed reader trust that nothing will appear behind its cursor.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_EVENT_LOCK_KEY])


def after_commit(event_id: int) -> None:
    """Enqueue the event's webhook deliveries and CDN purge (its cache tags were invalidated in its transaction).
    Never raises."""
    try:
        event = ContentEvent.objects.get(pk=event_id)
    except ContentEvent.DoesNotExist:  # pragma: no cover - deleted between commit and hook
        return
    if event.is_publication_event:
        track_primary_write()  # replicas must replay this change before serving reads that follow the purge
        enqueue_purge([*event.cache_tags, CHANGE_FEED_TAG])  # the CDN in front, by the worker; never raises
    try:
        enqueue_deliveries(event)
    except Exception:
        logger.exception("Webhook enqueue failed for event %s; `manage.py webhooks retry` resends it", event_id)


def last_publication_event(obj: Model) -> ContentEvent | None:
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    return (
        ContentEvent.objects.filter(
            content_type=content_type, object_id=str(obj.pk), event_type__in=PUBLICATION_EVENT_TYPES
        )
        .order_by("-id")
        .first()
    )


def was_announced_public(obj: Model) -> bool:
    """True when the last publication event for ``obj`` said it became public (and nothing withdrew it)."""
    last = last_publication_event(obj)
    return last is not None and last.event_type.endswith(".published")
