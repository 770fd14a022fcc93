"""Webhook delivery: fan an event out to endpoints, attempt, back off, give up, disable on 410.

Flow: :func:`enqueue_deliveries` (after the event's transaction commits) creates one
:class:`WebhookDelivery` per interested active endpoint and enqueues the ``deliver_webhook`` task. The task
runs :func:`attempt_delivery` in the worker (``manage.py db_worker``); a failed attempt schedules the next one
with exponential backoff and jitter through the task queue's ``run_after``, up to
``settings.WEBHOOKS_MAX_ATTEMPTS``. A receiver answering ``410 Gone`` disables its endpoint. Redirects are
failures, never followed. :func:`deliver_due` (``manage.py webhooks retry``) sends whatever is due, for task
backends that cannot defer and as a safety net after a worker crash.

Attempts claim their delivery with a conditional UPDATE, so two workers never send the same attempt.
"""

from __future__ import annotations

import json
import logging
import random
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from api.events.models import ContentEvent

from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint, new_message_id
from .signing import signature_headers
from .targets import TargetRefused, resolve_target
from .transport import SendResult, post

logger = logging.getLogger("api.webhooks")

USER_AGENT = "Verity-Webhooks/1"
BACKOFF_BASE_SECONDS = 30
BACKOFF_FACTOR = 4
BACKOFF_CAP_SECONDS = 6 * 60 * 60
Status = WebhookDelivery.Status


def payload_for(event: ContentEvent) -> bytes:
    """The signed body: what changed and what to purge, never the content itself."""
    data = {
        "event_id": event.pk,
        "object_type": event.object_type,
        "id": _as_int(event.object_id),
        "slug": event.slug,
        "paths": event.paths,
        "cache_tags": event.cache_tags,
    }
    if event.data:
        data["details"] = event.data
    body = {"type": event.event_type, "timestamp": event.created_at.isoformat(), "data": data}
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


def _as_int(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def backoff_delay(attempt: int, rng: random.Random | None = None) -> timedelta:
    """Delay before attempt ``attempt + 1``: 30 s, 2 min, 8 min, 32 min … (capped), with "equal jitter"."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * BACKOFF_FACTOR ** max(attempt - 1, 0))
    rng = rng or random
    return timedelta(seconds=ceiling / 2 + rng.uniform(0, ceiling / 2))


def enqueue_deliveries(event: ContentEvent) -> list[WebhookDelivery]:
    """Create and enqueue a delivery of ``event`` to every active endpoint that wants it. Idempotent."""
    deliveries = create_missing_deliveries(event)
    for delivery in deliveries:
        schedule(delivery)
    return deliveries


def create_missing_deliveries(event: ContentEvent) -> list[WebhookDelivery]:
    """One delivery per active endpoint (existing when the event happened) that wants ``event``."""
    created_now = []
    for endpoint in WebhookEndpoint.objects.filter(is_active=True, created_at__lte=event.created_at):
        if endpoint.wants(event.event_type):
            delivery, created = WebhookDelivery.objects.get_or_create(
                event=event, endpoint=endpoint, defaults={"next_attempt_at": timezone.now()}
            )
            if created:
                created_now.append(delivery)
    return created_now


def schedule(delivery: WebhookDelivery) -> None:
    """Put the next attempt of ``delivery`` on the task queue (deferred when the backend can defer)."""
    from .tasks import deliver_webhook

    task = deliver_webhook
    run_after = delivery.next_attempt_at
    if run_after and run_after > timezone.now():
        if not task.get_backend().supports_defer:
            return  # picked up by deliver_due (manage.py webhooks retry)
        task = task.using(run_after=run_after)
    task.enqueue(delivery.pk)


def attempt_delivery(delivery_id: int) -> WebhookDelivery | None:
    """Make one attempt if the delivery is due and not being sent elsewhere; returns it updated (or None)."""
    now = timezone.now()
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id)
        .filter(_due(now))
        .update(status=Status.SENDING, claimed_at=now, updated_at=now)
    )
    if not claimed:
        return None
    delivery = WebhookDelivery.objects.select_related("event", "endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _finish(delivery, Status.CANCELLED, error=f"Endpoint disabled: {endpoint.disabled_reason}".strip())
        return delivery

    number = delivery.attempts + 1
    result = _send(delivery)
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=now,
        duration_ms=result.duration_ms,
        response_code=result.status,
        error=result.error,
        response_excerpt=result.excerpt,
        succeeded=result.ok,
    )
    delivery.attempts = number
    delivery.last_response_code = result.status
    delivery.last_error = result.error or ("" if result.ok else f"HTTP {result.status}")
    if result.ok:
        _finish(delivery, Status.SUCCEEDED, delivered=True)
    elif result.status == 410:
        with transaction.atomic():
            endpoint.disable(f"The receiver answered 410 Gone on {timezone.now():%Y-%m-%d %H:%M} UTC.")
            _finish(delivery, Status.FAILED)
            cancel_pending(endpoint)
    elif number >= settings.WEBHOOKS_MAX_ATTEMPTS:
        _finish(delivery, Status.FAILED)
        logger.warning("Webhook delivery %s gave up after %s attempts", delivery.pk, number)
    else:
        delivery.status = Status.RETRYING
        delivery.next_attempt_at = timezone.now() + backoff_delay(number)
        delivery.claimed_at = None
        delivery.save()
        schedule(delivery)
    return delivery


def _send(delivery: WebhookDelivery) -> SendResult:
    endpoint = delivery.endpoint
    body = payload_for(delivery.event)
    headers = {
        **signature_headers(endpoint.secret, delivery.message_id, int(time.time()), body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    try:
        target = resolve_target(endpoint.url)  # checked again at send time: DNS may have changed
    except TargetRefused as refusal:
        return SendResult(None, f"Refused: {refusal}", "", 0)
    result = post(target, body, headers, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS)
    if result.status is not None and 300 <= result.status < 400:
        return SendResult(result.status, "Redirects are not followed.", result.excerpt, result.duration_ms)
    return result


def _finish(delivery: WebhookDelivery, status: str, *, error: str | None = None, delivered: bool = False) -> None:
    delivery.status = status
    delivery.next_attempt_at = None
    delivery.claimed_at = None
    if error is not None:
        delivery.last_error = error
    if delivered:
        delivery.delivered_at = timezone.now()
    delivery.save()


def cancel_pending(endpoint: WebhookEndpoint) -> int:
    return endpoint.deliveries.filter(status__in=[Status.PENDING, Status.RETRYING]).update(
        status=Status.CANCELLED, next_attempt_at=None, last_error="Endpoint disabled.", updated_at=timezone.now()
    )


def _stale_claim_cutoff(now: datetime) -> datetime:
    return now - timedelta(seconds=settings.WEBHOOKS_TIMEOUT_SECONDS * 3 + 60)


def _due(now: datetime) -> Q:
    waiting = Q(status__in=[Status.PENDING, Status.RETRYING]) & (
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    abandoned = Q(status=Status.SENDING, claimed_at__lt=_stale_claim_cutoff(now))  # worker died mid-attempt
    return waiting | abandoned


def deliver_due(limit: int = 100) -> int:
    """Attempt every delivery that is due now (and backfill deliveries of recent events). Returns attempts made."""
    for event in ContentEvent.objects.filter(created_at__gte=timezone.now() - timedelta(days=1)):
        create_missing_deliveries(event)  # e.g. the process died between commit and enqueue
    ids = list(WebhookDelivery.objects.filter(_due(timezone.now())).order_by("id").values_list("pk", flat=True)[:limit])
    return sum(1 for delivery_id in ids if attempt_delivery(delivery_id) is not None)


def send_test(endpoint: WebhookEndpoint) -> SendResult:
    """Send a signed ``webhook.test`` ping to ``endpoint`` now, outside the event log (``webhooks test ID``)."""
    body = json.dumps(
        {"type": "webhook.test", "timestamp": timezone.now().isoformat(), "data": {"endpoint_id": endpoint.pk}},
        separators=(",", ":"),
    ).encode()
    headers = {
        **signature_headers(endpoint.secret, new_message_id(), int(time.time()), body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    try:
        target = resolve_target(endpoint.url)
    except TargetRefused as refusal:
        return SendResult(None, f"Refused: {refusal}", "", 0)
    return post(target, body, headers, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS)
