"""H1/H2: signed deliveries after commit; bounded retries with backoff; 410 disables; publish never blocked."""

from __future__ import annotations

import json
import random
import time
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook

from api.events import record_event
from api.events.models import ContentEvent
from api.webhooks.delivery import attempt_delivery, backoff_delay
from api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from api.webhooks.tasks import deliver_due, deliver_webhook, enqueue_deliveries
from tests.factories.providers import ProviderFactory

Status = WebhookDelivery.Status


def make_due(delivery: WebhookDelivery) -> None:
    """Pretend the backoff delay has passed."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now() - timedelta(seconds=1))


@pytest.fixture
def event(db) -> ContentEvent:
    provider = ProviderFactory(name="Alex Spritzer")
    return record_event("provider.published", provider)


@pytest.mark.django_db
def test_a_delivery_is_signed_verifiable_and_carries_no_content(endpoint, receiver, event):
    [delivery] = enqueue_deliveries(event)

    delivery.refresh_from_db()
    assert delivery.status == Status.SUCCEEDED
    [request] = receiver.received
    payload = Webhook(endpoint.secret).verify(request.body, request.headers)
    assert payload["type"] == "provider.published"
    assert payload["data"] == {
        "event_id": event.pk,
        "object_type": "provider",
        "id": int(event.object_id),
        "slug": "alex-spritzer",
        "paths": ["/providers/alex-spritzer/"],
        "cache_tags": [f"provider-{event.object_id}", "providers"],
    }
    assert request.headers["webhook-id"] == delivery.message_id
    assert set(json.loads(request.body)) == {"type", "timestamp", "data"}


@pytest.mark.django_db
def test_endpoints_get_only_the_event_types_they_asked_for(endpoint, receiver, event):
    endpoint.event_types = ["article.published"]
    endpoint.save()
    assert enqueue_deliveries(event) == []
    assert receiver.received == []


@pytest.mark.django_db
def test_a_failing_receiver_is_retried_with_backoff_then_given_up(endpoint, receiver, event, settings):
    receiver.answer(500, 500, 500, 500, 500)
    [delivery] = enqueue_deliveries(event)

    delays = []
    for attempt in range(1, settings.WEBHOOKS_MAX_ATTEMPTS + 1):
        delivery.refresh_from_db()
        assert delivery.attempts == attempt
        assert delivery.last_response_code == 500
        if attempt < settings.WEBHOOKS_MAX_ATTEMPTS:
            assert delivery.status == Status.RETRYING
            delays.append((delivery.next_attempt_at - delivery.updated_at).total_seconds())
            make_due(delivery)
            assert attempt_delivery(delivery.pk) is not None

    assert delivery.status == Status.FAILED
    assert delivery.next_attempt_at is None
    assert len(receiver.received) == settings.WEBHOOKS_MAX_ATTEMPTS
    assert WebhookAttempt.objects.filter(delivery=delivery).count() == settings.WEBHOOKS_MAX_ATTEMPTS
    # Exponential: each wait is within [ceiling/2, ceiling] of 30 s, 120 s, 480 s …
    for number, delay in enumerate(delays, start=1):
        ceiling = 30 * 4 ** (number - 1)
        assert ceiling / 2 - 1 <= delay <= ceiling + 1
    # Gave up: nothing more is attempted.
    assert attempt_delivery(delivery.pk) is None
    assert len(receiver.received) == settings.WEBHOOKS_MAX_ATTEMPTS


@pytest.mark.django_db
def test_every_retry_reuses_the_message_id_and_is_freshly_signed(endpoint, receiver, event):
    receiver.answer(500, 200)
    [delivery] = enqueue_deliveries(event)
    make_due(delivery)
    attempt_delivery(delivery.pk)

    first, second = receiver.received
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == delivery.message_id
    assert first.body == second.body
    for request in (first, second):
        Webhook(endpoint.secret).verify(request.body, request.headers)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.delivered_at is not None) == (Status.SUCCEEDED, 2, True)


@pytest.mark.django_db
def test_a_receiver_that_times_out_is_retried(endpoint, receiver, event, settings):
    receiver.hang_seconds = settings.WEBHOOKS_TIMEOUT_SECONDS + 1.5
    receiver.answer("hang")
    started = time.monotonic()
    [delivery] = enqueue_deliveries(event)

    assert time.monotonic() - started < settings.WEBHOOKS_TIMEOUT_SECONDS + 1
    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    assert delivery.last_response_code is None
    assert "Timed out" in delivery.last_error


@pytest.mark.django_db
def test_a_refused_connection_is_retried(closed_port_url, private_targets_allowed):
    WebhookEndpoint.objects.create(url=closed_port_url)
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory()))

    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    assert delivery.last_error == "Connection refused."
    assert WebhookAttempt.objects.get(delivery=delivery).response_code is None


@pytest.mark.django_db
def test_410_gone_disables_the_endpoint_and_cancels_its_pending_deliveries(endpoint, receiver, event):
    second_event = record_event("provider.unpublished", ProviderFactory())
    receiver.answer(500, 410)
    [waiting] = enqueue_deliveries(event)  # 500: waits for a retry
    [gone] = enqueue_deliveries(second_event)  # 410

    endpoint.refresh_from_db()
    assert not endpoint.is_active
    assert "410" in endpoint.disabled_reason
    gone.refresh_from_db()
    waiting.refresh_from_db()
    assert gone.status == Status.FAILED and gone.last_response_code == 410
    assert waiting.status == Status.CANCELLED
    make_due(waiting)
    assert attempt_delivery(waiting.pk) is None
    assert len(receiver.received) == 2
    # Disabled endpoints receive no new events.
    assert enqueue_deliveries(record_event("provider.published", ProviderFactory())) == []


@pytest.mark.django_db
def test_redirects_are_not_followed(endpoint, receiver, event):
    receiver.answer(302)
    [delivery] = enqueue_deliveries(event)

    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    assert delivery.last_response_code == 302
    assert "not followed" in delivery.last_error
    assert len(receiver.received) == 1


@pytest.mark.django_db
def test_the_target_is_checked_again_at_send_time(endpoint, receiver, event, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False  # e.g. DNS now answers with a private address
    [delivery] = enqueue_deliveries(event)

    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    assert delivery.last_error.startswith("Refused:")
    assert receiver.received == []


@pytest.mark.django_db
def test_deliver_due_sends_what_is_due_and_backfills_missing_deliveries(endpoint, receiver, event):
    # The process died between commit and enqueue: no delivery row exists yet.
    assert not WebhookDelivery.objects.exists()
    assert deliver_due() == 1
    assert WebhookDelivery.objects.get().status == Status.SUCCEEDED
    assert deliver_due() == 0


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    rng = random.Random(7)
    assert timedelta(seconds=15) <= backoff_delay(1, rng) <= timedelta(seconds=30)
    assert timedelta(seconds=60) <= backoff_delay(2, rng) <= timedelta(seconds=120)
    assert timedelta(seconds=240) <= backoff_delay(3, rng) <= timedelta(seconds=480)
    assert backoff_delay(30, rng) <= timedelta(hours=6)
    assert len({backoff_delay(3, random.Random(seed)) for seed in range(5)}) > 1  # jittered


@pytest.mark.django_db(transaction=True)
def test_delivery_happens_only_after_the_publishing_transaction_commits(endpoint, receiver):
    provider = ProviderFactory(live=False)
    with transaction.atomic():
        provider.save_revision().publish()
        assert ContentEvent.objects.filter(event_type="provider.published").count() == 1
        assert receiver.received == []  # not while the transaction is open

    assert len(receiver.received) == 1
    assert json.loads(receiver.received[0].body)["type"] == "provider.published"


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_publish_sends_nothing_and_records_nothing(endpoint, receiver):
    provider = ProviderFactory(live=False)
    with pytest.raises(RuntimeError), transaction.atomic():
        provider.save_revision().publish()
        raise RuntimeError("the publish fails later in the transaction")

    assert not ContentEvent.objects.exists()
    assert receiver.received == []


@pytest.mark.django_db(transaction=True)
def test_publishing_with_the_database_queue_never_waits_for_a_receiver(endpoint, receiver, settings):
    """With the worker's queue (production), publish only enqueues: a hanging receiver cannot slow it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answer("hang")
    provider = ProviderFactory(live=False)

    started = time.monotonic()
    provider.save_revision().publish()
    elapsed = time.monotonic() - started

    assert elapsed < 1.0
    assert receiver.received == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING
    queued = DBTaskResult.objects.get(task_path="api.webhooks.tasks.deliver_webhook")
    assert queued.args_kwargs == {"args": [delivery.pk], "kwargs": {}}


@pytest.mark.django_db(transaction=True)
def test_a_failed_attempt_is_requeued_for_later_on_the_database_queue(endpoint, receiver, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answer(500)
    ProviderFactory(live=False).save_revision().publish()
    delivery = WebhookDelivery.objects.get()

    assert deliver_webhook.call(delivery.pk) == Status.RETRYING  # what the worker runs

    ours = DBTaskResult.objects.filter(task_path="api.webhooks.tasks.deliver_webhook")
    retry = ours.order_by("-enqueued_at").first()
    delivery.refresh_from_db()
    assert ours.count() == 2
    assert retry.run_after == delivery.next_attempt_at
    assert retry.run_after > timezone.now() + timedelta(seconds=10)
