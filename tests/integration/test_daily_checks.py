"""manage.py daily_checks: review.due and credential.expiring notices, once per occurrence, sent as webhooks."""

from __future__ import annotations

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command
from standardwebhooks import Webhook

from api.events.models import ContentEvent
from pages.review.models import ArticleStamps
from tests import factories
from tests.factories.providers import CredentialHoldingFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("daily_checks", *args, stdout=out)
    return out.getvalue()


def notices(event_type: str) -> list[ContentEvent]:
    return list(ContentEvent.objects.filter(event_type=event_type).order_by("id"))


@pytest.fixture
def article():
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    return factories.published_article(reviewer, slug="iop-for-depression")


def test_an_article_due_for_review_is_announced_once(article, settings):
    due = ArticleStamps.objects.get(page=article).next_review_due
    assert due is not None
    well_before = due - datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS + 5)
    soon = due - datetime.timedelta(days=10)

    assert "0 notice(s) recorded" in run("--today", well_before.isoformat())
    output = run("--today", soon.isoformat())
    run("--today", (soon + datetime.timedelta(days=1)).isoformat())  # the next day: not repeated

    [event] = notices("review.due")
    assert "review.due\tiop-for-depression" in output
    assert (event.slug, event.data) == ("iop-for-depression", {"next_review_due": due.isoformat(), "status": "due"})
    assert event.paths == ["/resources/iop-for-depression/"]


def test_an_overdue_review_says_so(article):
    due = ArticleStamps.objects.get(page=article).next_review_due
    run("--today", (due + datetime.timedelta(days=3)).isoformat())
    assert notices("review.due")[0].data["status"] == "overdue"


def test_unpublished_articles_are_not_checked(article):
    due = ArticleStamps.objects.get(page=article).next_review_due
    article.unpublish()
    run("--today", (due + datetime.timedelta(days=3)).isoformat())
    assert notices("review.due") == []


def test_an_expiring_credential_of_a_published_clinician_is_announced_once(settings):
    today = datetime.date(2026, 11, 27)
    provider = ProviderFactory(name="Natalie Foster", publish=True)
    soon = CredentialHoldingFactory(provider=provider, expires_on=today + datetime.timedelta(days=12))
    CredentialHoldingFactory(provider=provider, expires_on=today + datetime.timedelta(days=400))  # not yet
    hidden = ProviderFactory(name="Draft Clinician", draft=True)
    CredentialHoldingFactory(provider=hidden, expires_on=today + datetime.timedelta(days=5))

    assert "credential.expiring\tnatalie-foster" in run("--dry-run", "--today", today.isoformat())
    assert notices("credential.expiring") == []
    run("--today", today.isoformat())
    run("--today", today.isoformat())

    [event] = notices("credential.expiring")
    assert event.slug == "natalie-foster"
    assert event.data == {
        "holding_id": soon.pk,
        "credential": soon.credential.code,
        "expires_on": soon.expires_on.isoformat(),
        "days_left": 12,
    }


def test_a_renewed_credential_is_announced_again_when_it_nears_its_new_expiry():
    today = datetime.date(2026, 11, 27)
    holding = CredentialHoldingFactory(
        provider=ProviderFactory(publish=True), expires_on=today + datetime.timedelta(days=3)
    )
    run("--today", today.isoformat())
    holding.expires_on = today + datetime.timedelta(days=368)
    holding.save()
    run("--today", (today + datetime.timedelta(days=350)).isoformat())
    assert len(notices("credential.expiring")) == 2


def test_notices_go_to_subscribed_webhooks_after_commit(endpoint, receiver, django_capture_on_commit_callbacks):
    endpoint.event_types = ["credential.expiring"]
    endpoint.save()
    today = datetime.date(2026, 11, 27)
    CredentialHoldingFactory(provider=ProviderFactory(publish=True), expires_on=today + datetime.timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        run("--today", today.isoformat())

    [request] = receiver.received
    payload = Webhook(endpoint.secret).verify(request.body, request.headers)
    assert payload["type"] == "credential.expiring"
    assert payload["data"]["details"]["days_left"] == 1
    assert json.loads(request.body)["data"]["object_type"] == "provider"


def test_a_bad_date_is_a_clear_error():
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="--today"):
        run("--today", "yesterday")
