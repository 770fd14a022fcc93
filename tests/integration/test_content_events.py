"""Publish, unpublish and delete become content events — only for what the public could (or could no longer) see."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from api.events import record_event
from api.events.models import ContentEvent
from pages.review.errors import UnsignedRevisionError
from tests import factories
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def events() -> list[tuple[str, str]]:
    return list(ContentEvent.objects.order_by("id").values_list("event_type", "slug"))


@pytest.fixture
def reviewer():
    return factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")


def test_a_clinician_publish_unpublish_and_delete_are_recorded_in_order():
    provider = ProviderFactory(name="Alex Spritzer", live=False)

    provider.save_revision().publish()
    provider.refresh_from_db()
    provider.unpublish()
    provider.save_revision().publish()
    provider_id = provider.pk
    provider.delete()

    assert events() == [
        ("provider.published", "alex-spritzer"),
        ("provider.unpublished", "alex-spritzer"),
        ("provider.published", "alex-spritzer"),
        ("provider.deleted", "alex-spritzer"),
    ]
    deleted = ContentEvent.objects.last()
    assert deleted.object_id == str(provider_id)
    assert deleted.paths == ["/providers/alex-spritzer/"]
    assert deleted.cache_tags == [f"provider-{provider_id}", "providers"]


def test_a_center_publish_is_recorded_with_its_frontend_path(settings):
    center = TreatmentCenterFactory(name="Camelback Recovery", live=False)
    center.save_revision().publish()

    event = ContentEvent.objects.get()
    assert (event.event_type, event.object_type) == ("center.published", "center")
    assert event.paths == [f"{settings.FRONTEND_CENTER_LOCATOR_PATH.rstrip('/')}/camelback-recovery/"]
    assert event.cache_tags == [f"center-{center.pk}", "centers"]


def test_an_article_publish_unpublish_and_delete_are_recorded(reviewer):
    article = factories.published_article(reviewer, title="IOP for Depression", slug="iop-for-depression")
    article.unpublish()
    article_id = article.pk
    article.delete()

    assert events() == [
        ("article.published", "iop-for-depression"),
        ("article.unpublished", "iop-for-depression"),
        ("article.deleted", "iop-for-depression"),
    ]
    published, unpublished, deleted = ContentEvent.objects.order_by("id")
    assert published.paths == ["/resources/iop-for-depression/"]
    # The reviewer's own page lists the article ("articles reviewed"), so it is purged too.
    reviewer_tag = f"provider-{reviewer.provider.pk}"
    assert published.cache_tags == [f"article-{article_id}", "articles", reviewer_tag]
    assert unpublished.cache_tags == deleted.cache_tags == published.cache_tags


def test_deleting_a_live_article_withdraws_then_deletes_it(reviewer):
    article = factories.published_article(reviewer, slug="to-be-deleted")
    article.delete()  # Wagtail unpublishes a live page before deleting it
    assert events() == [
        ("article.published", "to-be-deleted"),
        ("article.unpublished", "to-be-deleted"),
        ("article.deleted", "to-be-deleted"),
    ]


def test_deleting_an_article_section_records_each_public_article_below_it(reviewer):
    first = factories.published_article(reviewer, slug="first")
    factories.published_article(reviewer, slug="second")
    first.get_parent().delete()

    deleted = [slug for event_type, slug in events() if event_type == "article.deleted"]
    assert sorted(deleted) == ["first", "second"]


def test_drafts_that_were_never_public_leave_no_trace():
    provider = ProviderFactory(name="Never Published", live=False)
    provider.save_revision()
    provider.unpublish()
    provider.delete()
    draft = factories.draft_article(slug="secret-draft")
    draft.delete()

    assert events() == []


def test_an_unsigned_article_revision_cannot_be_published_and_records_nothing():
    draft = factories.draft_article(slug="unsigned")
    with pytest.raises(UnsignedRevisionError):
        draft.get_latest_revision().publish()
    assert events() == []


def test_a_view_restricted_article_is_not_announced(reviewer):
    article = factories.draft_article(slug="staff-only")
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    revision = article.get_latest_revision()
    factories.sign(revision, reviewer)
    from pages.review.services import publish_signed

    publish_signed(revision)
    assert events() == []


def test_record_event_refuses_unknown_event_types():
    with pytest.raises(ValueError, match="unknown event type"):
        record_event("article.exploded", ProviderFactory())


def test_compliance_notices_are_recorded_with_their_details():
    provider = ProviderFactory(name="Natalie Foster")
    event = record_event("credential.expiring", provider, data={"credential": "LPC-S", "expires_on": "2026-12-01"})
    assert (event.object_type, event.slug, event.data["credential"]) == ("provider", "natalie-foster", "LPC-S")
    assert not event.is_publication_event
