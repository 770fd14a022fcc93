"""CDN purge by tag: after commit the worker sends each CDN its documented request, retried like webhooks."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from standardwebhooks import Webhook

from api.cdn import enqueue_purge
from api.cdn.models import CdnPurge
from api.cdn.tasks import purge_cdn
from api.webhooks.signing import generate_secret
from providers.models import Topic
from tests.factories.providers import ProviderFactory

from .receiver import start_recorder

pytestmark = pytest.mark.django_db
Status = CdnPurge.Status


@pytest.fixture
def recorder():
    recorder = start_recorder()
    yield recorder
    recorder.stop()


@pytest.fixture
def cloudflare(settings, recorder):
    settings.CDN_PURGE_BACKEND = "cloudflare"
    settings.CLOUDFLARE_API_BASE_URL = recorder.base_url
    settings.CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
    settings.CLOUDFLARE_API_TOKEN = "cf-token"
    settings.WEBHOOKS_TIMEOUT_SECONDS = 2
    return recorder


def publish_provider(django_capture_on_commit_callbacks):
    provider = ProviderFactory(live=False)
    with django_capture_on_commit_callbacks(execute=True):
        provider.save_revision().publish()
    return provider


def test_a_publish_purges_its_tags_at_cloudflare(cloudflare, django_capture_on_commit_callbacks):
    provider = publish_provider(django_capture_on_commit_callbacks)

    [request] = cloudflare.requests
    assert request.method == "POST"
    assert request.path == "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"
    assert request.headers["Authorization"] == "Bearer cf-token"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.body) == {"tags": sorted(["changes", f"provider-{provider.pk}", "providers"])}
    assert CdnPurge.objects.get().status == Status.SUCCEEDED


def test_cloudflare_gets_at_most_30_tags_per_call(cloudflare, django_capture_on_commit_callbacks):
    tags = [f"article-{number}" for number in range(65)]
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_purge(tags)

    sent = [json.loads(request.body)["tags"] for request in cloudflare.requests]
    assert [len(batch) for batch in sent] == [30, 30, 5]
    assert sorted(tag for batch in sent for tag in batch) == sorted(tags)


def test_fastly_gets_surrogate_keys_in_a_header(settings, recorder, django_capture_on_commit_callbacks):
    settings.CDN_PURGE_BACKEND = "fastly"
    settings.FASTLY_API_BASE_URL = recorder.base_url
    settings.FASTLY_SERVICE_ID = "SU1Z0isxPaozGVKXdv0eY"
    settings.FASTLY_API_TOKEN = "fastly-token"
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_purge(["providers", "provider-7"])

    [request] = recorder.requests
    assert (request.method, request.path) == ("POST", "/service/SU1Z0isxPaozGVKXdv0eY/purge")
    assert request.headers["Fastly-Key"] == "fastly-token"
    assert request.headers["Surrogate-Key"] == "provider-7 providers"
    assert request.body == b""


def test_the_generic_endpoint_gets_a_standard_webhooks_signature(
    settings, recorder, django_capture_on_commit_callbacks
):
    secret = generate_secret()
    settings.CDN_PURGE_BACKEND = "http"
    settings.CDN_PURGE_URL = f"{recorder.base_url}/purge?site=verity"
    settings.CDN_PURGE_SECRET = secret
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_purge(["vocabularies"])

    [request] = recorder.requests
    assert (request.method, request.path) == ("POST", "/purge?site=verity")
    payload = Webhook(secret).verify(request.body, request.headers)
    assert payload["type"] == "cache.purge"
    assert payload["data"] == {"tags": ["vocabularies"]}
    assert request.headers["webhook-id"] == CdnPurge.objects.get().message_id


def test_a_failed_purge_is_retried_with_backoff_and_bounded(cloudflare, settings, django_capture_on_commit_callbacks):
    settings.CDN_PURGE_MAX_ATTEMPTS = 3
    cloudflare.statuses.extend([500, 500, 500])
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_purge(["articles"])

    purge = CdnPurge.objects.get()
    assert purge.status == Status.RETRYING
    assert purge.next_attempt_at > timezone.now() + timedelta(seconds=10)  # backoff, not a hot loop
    assert purge_cdn.call(purge.pk) is None  # not due yet: nothing is sent
    for _ in range(2):
        CdnPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
        purge_cdn.call(purge.pk)

    purge.refresh_from_db()
    assert purge.status == Status.FAILED
    assert len(cloudflare.requests) == 3
    assert [line["status"] for line in purge.history] == [500, 500, 500]  # the attempt log


def test_nothing_is_sent_before_commit_or_after_a_rollback(cloudflare, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError), transaction.atomic():
        enqueue_purge(["articles"])
        raise RuntimeError("the change is rolled back")
    assert cloudflare.requests == []
    assert not CdnPurge.objects.exists()


def test_editing_reference_data_purges_its_tags(cloudflare, django_capture_on_commit_callbacks):
    topic = Topic.objects.first()
    with django_capture_on_commit_callbacks(execute=True):
        topic.save()

    [request] = cloudflare.requests
    assert json.loads(request.body) == {"tags": sorted([f"topic-{topic.pk}", "vocabularies"])}


def test_without_a_cdn_nothing_is_stored_or_sent(recorder, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_purge(["articles"])
    assert not CdnPurge.objects.exists()
    assert recorder.requests == []
