"""The worker's webhook tasks and how attempts get onto the queue (``manage.py db_worker`` runs them).

:func:`enqueue_deliveries` runs after an event's transaction commits; each attempt is a ``deliver_webhook``
task, a retry is the same task deferred to the delivery's ``next_attempt_at``. ``sweep_webhooks`` is a
self-renewing periodic task (every ``WEBHOOKS_SWEEP_SECONDS``): it releases claims left by a worker that died
mid-send and sends whatever is due, so recovery needs no operator. :func:`deliver_due` (``manage.py webhooks
retry``) does the same by hand, for backends that cannot defer.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from api.events.models import ContentEvent

from . import delivery as deliveries
from .models import WebhookDelivery
from .retry import enqueue_attempt, enqueue_new, ensure_periodic

Status = WebhookDelivery.Status


@task(queue_name="default")
def deliver_webhook(delivery_id: int) -> str | None:
    """Make the next attempt of one webhook delivery; returns its status afterwards."""
    delivery = run_attempt(delivery_id)
    return delivery.status if delivery is not None else None


@task(queue_name="default")
def sweep_webhooks() -> int:
    """Recover deliveries a dead worker left ``sending`` and queue what is due. Returns deliveries recovered."""
    ensure_periodic(sweep_webhooks)  # the next run is queued before any work, so a crash here loses nothing
    released = deliveries.release_stale_claims()
    for delivery in released:
        schedule(delivery)
    return len(released)


def run_attempt(delivery_id: int) -> WebhookDelivery | None:
    delivery = deliveries.attempt_delivery(delivery_id)
    if delivery is not None and delivery.status == Status.RETRYING:
        schedule(delivery)
    return delivery


def enqueue_deliveries(event: ContentEvent) -> list[WebhookDelivery]:
    """Create and enqueue a delivery of ``event`` to every active endpoint that wants it. Idempotent."""
    return enqueue_new(deliver_webhook, sweep_webhooks, deliveries.create_missing_deliveries(event))


def schedule(delivery: WebhookDelivery) -> None:
    """Put the next attempt of ``delivery`` on the task queue (deferred when the backend can defer)."""
    enqueue_attempt(deliver_webhook, delivery)


def deliver_due(limit: int = 100) -> int:
    """Attempt every delivery that is due now (and backfill deliveries of recent events). Returns attempts made."""
    for event in ContentEvent.objects.filter(created_at__gte=timezone.now() - timedelta(days=1)):
        deliveries.create_missing_deliveries(event)  # e.g. the process died between commit and enqueue
    deliveries.release_stale_claims()
    return sum(1 for delivery_id in deliveries.due_delivery_ids(limit) if run_attempt(delivery_id) is not None)
