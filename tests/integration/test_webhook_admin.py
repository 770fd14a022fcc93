"""Webhook endpoints are managed in the admin and with `manage.py webhooks`; every attempt is visible."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from api.events import record_event
from api.webhooks.models import WebhookDelivery, WebhookEndpoint
from api.webhooks.tasks import enqueue_deliveries
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db


def webhooks(*args: str) -> str:
    out = StringIO()
    call_command("webhooks", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chief", "chief@example.com", "pw-chief-123"))
    return client


def test_add_list_test_and_remove_from_the_command_line(receiver, private_targets_allowed):
    secret = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="
    output = webhooks("add", receiver.url, "--secret", secret, "--events", "article.published,article.deleted")
    endpoint = WebhookEndpoint.objects.get()
    assert f"Added endpoint {endpoint.pk}" in output
    assert (endpoint.secret, endpoint.event_types) == (secret, ["article.published", "article.deleted"])

    assert receiver.url in webhooks("list")
    assert "HTTP 200" in webhooks("test", str(endpoint.pk))
    assert receiver.received[0].headers["webhook-signature"].startswith("v1,")

    webhooks("remove", str(endpoint.pk))
    assert not WebhookEndpoint.objects.exists()
    with pytest.raises(CommandError, match="No webhook endpoint"):
        webhooks("remove", str(endpoint.pk))


def test_add_generates_a_secret_and_refuses_unknown_events(receiver, private_targets_allowed):
    output = webhooks("add", receiver.url)
    assert "Secret: whsec_" in output
    with pytest.raises(CommandError, match="Unknown event types: article.exploded"):
        webhooks("add", receiver.url, "--events", "article.exploded")
    with pytest.raises(CommandError, match="whsec_"):
        webhooks("add", receiver.url, "--secret", "hunter2")


def test_a_failing_test_ping_is_reported(closed_port_url, private_targets_allowed):
    endpoint = WebhookEndpoint.objects.create(url=closed_port_url)
    with pytest.raises(CommandError, match="Connection refused"):
        webhooks("test", str(endpoint.pk))


def test_the_admin_lists_endpoints_and_every_delivery_attempt(admin_client, endpoint, receiver):
    receiver.answer(500, 200)
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory(name="Alex Spritzer")))
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=None)
    call_command("webhooks", "retry", stdout=StringIO())

    endpoints = admin_client.get(reverse("webhook_endpoints:index"))
    deliveries = admin_client.get(reverse("webhook_deliveries:index"))
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))

    assert endpoints.status_code == deliveries.status_code == inspect.status_code == 200
    assert receiver.url in endpoints.content.decode()
    assert "provider.published" in deliveries.content.decode()
    detail = inspect.content.decode()
    assert "#1" in detail and "500" in detail and "#2" in detail and "200" in detail
    assert delivery.message_id in detail


def test_the_delivery_log_cannot_be_edited_in_the_admin(admin_client, endpoint, receiver):
    [delivery] = enqueue_deliveries(record_event("provider.published", ProviderFactory()))
    assert admin_client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])).status_code in {302, 403}
    assert admin_client.get(reverse("webhook_deliveries:add")).status_code in {302, 403}


def test_the_admin_form_refuses_private_targets(admin_client, settings):
    settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS = False
    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {"url": "http://169.254.169.254/latest/meta-data/", "description": "", "secret": ""},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "webhooks may only target public addresses" in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_an_editor_adds_an_endpoint_in_the_admin_with_event_checkboxes(admin_client, receiver, private_targets_allowed):
    form = admin_client.get(reverse("webhook_endpoints:add")).content.decode()
    assert 'type="checkbox" name="event_types" value="article.published"' in form

    response = admin_client.post(
        reverse("webhook_endpoints:add"),
        {
            "url": receiver.url,
            "description": "Static build",
            "secret": "",
            "event_types": ["article.published", "article.unpublished"],
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.event_types == ["article.published", "article.unpublished"]
    assert endpoint.secret.startswith("whsec_")
