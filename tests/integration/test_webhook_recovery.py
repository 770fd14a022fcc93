"""A worker killed mid-send leaves nothing ``sending`` for long: the worker's own sweep re-sends it, with the
same ``webhook-id`` (delivery is at least once)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from standardwebhooks import Webhook

from api.events import record_event
from api.webhooks.delivery import UNKNOWN_OUTCOME
from api.webhooks.models import WebhookAttempt, WebhookDelivery
from api.webhooks.tasks import enqueue_deliveries, sweep_webhooks
from tests.factories.providers import ProviderFactory

Status = WebhookDelivery.Status
ROOT = Path(__file__).resolve().parents[2]


def left_sending(delivery: WebhookDelivery, seconds_ago: float) -> None:
    """What a worker killed mid-send leaves behind: claimed, never finished."""
    claimed = timezone.now() - timedelta(seconds=seconds_ago)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(status=Status.SENDING, claimed_at=claimed)


@pytest.mark.django_db
def test_the_sweep_resends_an_abandoned_delivery_with_the_same_webhook_id(endpoint, receiver, settings):
    settings.WEBHOOKS_STALE_CLAIM_SECONDS = 10
    receiver.answer(500)  # first attempt fails, the delivery waits for its retry
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory()))
    left_sending(delivery, seconds_ago=11)

    assert sweep_webhooks.call() == 1

    delivery.refresh_from_db()
    assert delivery.status == Status.SUCCEEDED
    first, resent = receiver.received
    assert first.headers["webhook-id"] == resent.headers["webhook-id"] == delivery.message_id
    Webhook(endpoint.secret).verify(resent.body, resent.headers)
    lost = WebhookAttempt.objects.get(delivery=delivery, number=2)
    assert lost.error == UNKNOWN_OUTCOME  # the lost attempt is in the delivery log
    assert delivery.attempts == 3


@pytest.mark.django_db
def test_a_claim_younger_than_the_bound_is_left_to_its_worker(endpoint, receiver, settings):
    settings.WEBHOOKS_STALE_CLAIM_SECONDS = 10
    receiver.answer(500)
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory()))
    left_sending(delivery, seconds_ago=5)

    assert sweep_webhooks.call() == 0
    delivery.refresh_from_db()
    assert delivery.status == Status.SENDING
    assert len(receiver.received) == 1


@pytest.mark.django_db
def test_an_abandoned_last_attempt_gives_up(endpoint, receiver, settings):
    settings.WEBHOOKS_STALE_CLAIM_SECONDS = 10
    receiver.answer(500)
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory()))
    WebhookDelivery.objects.filter(pk=delivery.pk).update(attempts=settings.WEBHOOKS_MAX_ATTEMPTS - 1)
    left_sending(delivery, seconds_ago=11)

    sweep_webhooks.call()
    delivery.refresh_from_db()
    assert delivery.status == Status.FAILED
    assert len(receiver.received) == 1  # bounded: no attempt beyond the maximum


def _start_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_is_recovered_by_the_next_worker(endpoint, receiver, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WEBHOOKS_SWEEP_SECONDS = 1
    receiver.hang_seconds = 60
    receiver.answer("hang")  # the first request never gets its answer: the worker is killed while waiting
    record_event("provider.published", ProviderFactory())
    delivery = WebhookDelivery.objects.get()
    assert DBTaskResult.objects.filter(task_path="api.webhooks.tasks.sweep_webhooks").exists()

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.scale.worker_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}",
    }
    worker = _start_worker(env)
    try:
        assert _wait_for(lambda: len(receiver.received) == 1, 30), "the worker never sent the delivery"
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
        delivery.refresh_from_db()
        assert delivery.status == Status.SENDING  # what a dead worker leaves behind

        started = time.monotonic()
        worker = _start_worker(env)

        def delivered() -> bool:
            delivery.refresh_from_db()
            return delivery.status == Status.SUCCEEDED

        # Bound: the stale-claim age (3 s here) plus one sweep interval plus worker start-up.
        assert _wait_for(delivered, 25), f"still {delivery.status} after {time.monotonic() - started:.0f} s"
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
    first, resent = receiver.received
    assert first.headers["webhook-id"] == resent.headers["webhook-id"] == delivery.message_id
