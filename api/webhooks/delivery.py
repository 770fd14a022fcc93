"""Webhook delivery state: one delivery per event and endpoint, attempts, backoff, give up, disable on 410.

:func:`create_missing_deliveries` makes one :class:`WebhookDelivery` per interested active endpoint;
:func:`attempt_delivery` claims a due delivery, sends it once through :func:`api.webhooks.sending.send` and
records the outcome (``succeeded``; ``retrying`` with an exponential backoff; ``failed`` after
``WEBHOOKS_MAX_ATTEMPTS``; a ``410 Gone`` disables the endpoint). Putting attempts on the queue is
:mod:`api.webhooks.tasks`' job; this module never imports it.

**Delivery is at least once.** A worker killed mid-send leaves its delivery ``sending`` with a claim time;
:func:`release_stale_claims` (run by the worker's periodic sweep) counts that attempt as failed with an unknown
outcome and makes the delivery due again, so the receiver may see the same event twice. Every attempt of one
delivery, re-sends included, carries the same ``webhook-id`` (``message_id``): receivers de-duplicate on it.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from api.events.models import ContentEvent

from . import retry
from .models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from .retry import new_message_id
from .sending import payload_for, send, test_payload
from .transport import SendResult

logger = logging.getLogger("api.webhooks")

Status = WebhookDelivery.Status
backoff_delay = retry.backoff_delay
UNKNOWN_OUTCOME = "The worker stopped during this attempt; the receiver may or may not have it."


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


def attempt_delivery(delivery_id: int) -> WebhookDelivery | None:
    """Make one attempt if the delivery is due and not being sent elsewhere; returns it updated (or None)."""
    now = timezone.now()
    if not retry.claim(WebhookDelivery, delivery_id, now):
        return None
    delivery = WebhookDelivery.objects.select_related("event", "endpoint").get(pk=delivery_id)
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        _finish(delivery, Status.CANCELLED, error=f"Endpoint disabled: {endpoint.disabled_reason}".strip())
        return delivery
    result = send(endpoint.url, endpoint.secret, delivery.message_id, payload_for(delivery.event))
    _record(delivery, now, result)
    return delivery


def _record(delivery: WebhookDelivery, started_at, result: SendResult) -> None:
    number = delivery.attempts + 1
    WebhookAttempt.objects.create(
        delivery=delivery,
        number=number,
        started_at=started_at,
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
            delivery.endpoint.disable(f"The receiver answered 410 Gone on {timezone.now():%Y-%m-%d %H:%M} UTC.")
            _finish(delivery, Status.FAILED)
            cancel_pending(delivery.endpoint)
    elif number >= settings.WEBHOOKS_MAX_ATTEMPTS:
        _finish(delivery, Status.FAILED)
        logger.warning("Webhook delivery %s gave up after %s attempts", delivery.pk, number)
    else:
        delivery.status = Status.RETRYING
        delivery.next_attempt_at = timezone.now() + backoff_delay(number)
        delivery.claimed_at = None
        delivery.save()


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
    return endpoint.deliveries.filter(status__in=retry.WAITING).update(
        status=Status.CANCELLED, next_attempt_at=None, last_error="Endpoint disabled.", updated_at=timezone.now()
    )


def release_stale_claims() -> list[WebhookDelivery]:
    """Deliveries left ``sending`` by a dead worker: log the lost attempt and make them due again (or give up)."""
    released: list[WebhookDelivery] = []

    def lost_attempt(delivery: WebhookDelivery) -> None:
        logger.warning("Webhook delivery %s was left sending by a stopped worker; sending it again", delivery.pk)
        number = delivery.attempts + 1
        WebhookAttempt.objects.create(delivery=delivery, number=number, error=UNKNOWN_OUTCOME)
        delivery.attempts, delivery.last_error, delivery.last_response_code = number, UNKNOWN_OUTCOME, None
        if number >= settings.WEBHOOKS_MAX_ATTEMPTS:
            _finish(delivery, Status.FAILED)
        else:
            delivery.save(update_fields=["attempts", "last_error", "last_response_code", "updated_at"])
            released.append(delivery)

    retry.release_stale(WebhookDelivery, lost_attempt)
    return released


def due_delivery_ids(limit: int = 100) -> list[int]:
    return list(
        WebhookDelivery.objects.filter(retry.due(timezone.now())).order_by("id").values_list("pk", flat=True)[:limit]
    )


def send_test(endpoint: WebhookEndpoint) -> SendResult:
    """Send a signed ``webhook.test`` ping to ``endpoint`` now, outside the event log (``webhooks test ID``)."""
    return send(endpoint.url, endpoint.secret, new_message_id(), test_payload(endpoint))
