"""Event ids become visible in commit order, and nothing after the commit can fail a publish."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from api.events import record_event
from api.events.models import ContentEvent
from tests.factories.providers import ProviderFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_second_publisher_waits_so_ids_never_commit_out_of_order():
    """Without the lock, B could commit id N+1 while A's id N is still invisible, and a feed reader at N+1
    would skip N for ever."""
    first, second = ProviderFactory(slug="first"), ProviderFactory(slug="second")
    a_recorded, a_may_commit = threading.Event(), threading.Event()
    timeline: dict[str, float] = {}

    def publisher_a():
        try:
            with transaction.atomic():
                record_event("provider.published", first)
                a_recorded.set()
                a_may_commit.wait(5)
        finally:
            connection.close()

    def publisher_b():
        try:
            a_recorded.wait(5)
            with transaction.atomic():
                record_event("provider.published", second)
                timeline["b_recorded"] = time.monotonic()
        finally:
            connection.close()

    threads = [threading.Thread(target=publisher_a), threading.Thread(target=publisher_b)]
    for thread in threads:
        thread.start()
    a_recorded.wait(5)
    time.sleep(0.3)
    assert "b_recorded" not in timeline, "B must wait while A's event is uncommitted"
    released = time.monotonic()
    a_may_commit.set()  # A commits now
    for thread in threads:
        thread.join(10)

    assert timeline["b_recorded"] >= released
    assert list(ContentEvent.objects.order_by("id").values_list("slug", flat=True)) == ["first", "second"]


@pytest.mark.django_db
def test_a_cache_or_queue_outage_after_commit_does_not_fail_the_publish(
    monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr("api.webhooks.tasks.enqueue_deliveries", broken)
    provider = ProviderFactory(live=False)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        provider.save_revision().publish()

    assert callbacks, "the after-commit work was scheduled"
    provider.refresh_from_db()
    assert provider.live
    assert ContentEvent.objects.filter(event_type="provider.published").count() == 1
