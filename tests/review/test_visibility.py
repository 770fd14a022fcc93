"""Invariant 1 at the queryset: ``public_articles`` (P1, P2, P4, P5/P6, P10)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.visibility import is_public
from pages.models import ArticlePage
from pages.review.visibility import public_articles
from tests import factories

pytestmark = pytest.mark.django_db


def public_ids() -> set[int]:
    return set(public_articles().values_list("pk", flat=True))


def test_signed_live_article_is_public(medical_reviewer):
    page = factories.published_article(medical_reviewer)
    assert public_ids() == {page.pk}
    assert is_public(page)


def test_never_published_article_is_absent(medical_reviewer):
    """P1."""
    draft = factories.draft_article()
    factories.sign(draft.get_latest_revision(), medical_reviewer)  # signed but never published
    assert public_ids() == set()
    assert not is_public(draft)


def test_newer_draft_does_not_change_what_is_public(medical_reviewer):
    """P2: the live revision stays public, and the page row still holds the live text."""
    page = factories.published_article(medical_reviewer, text="Live text.")
    factories.edit(page, title="Draft title", text="Draft text.")
    assert public_ids() == {page.pk}
    public = public_articles().get(pk=page.pk)
    assert public.title != "Draft title"
    assert "Draft text." not in str(public.body)


@pytest.mark.parametrize("restrict", ["self", "ancestor"])
def test_view_restricted_articles_are_absent(restrict, medical_reviewer):
    """P4: a restriction on the page or any ancestor hides it."""
    page = factories.published_article(medical_reviewer)
    target = page if restrict == "self" else page.get_parent()
    PageViewRestriction.objects.create(page=target, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert public_ids() == set()


def test_restriction_on_a_sibling_does_not_hide_others(medical_reviewer):
    page = factories.published_article(medical_reviewer)
    sibling = factories.published_article(medical_reviewer)
    PageViewRestriction.objects.create(page=sibling, restriction_type=PageViewRestriction.LOGIN)
    assert public_ids() == {page.pk}


def test_expired_article_is_hidden_before_the_scheduler_runs(medical_reviewer):
    """P5."""
    page = factories.published_article(medical_reviewer)
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert public_ids() == set()


def test_future_go_live_is_hidden(medical_reviewer):
    """P6."""
    page = factories.published_article(medical_reviewer)
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    assert public_ids() == set()


def test_live_article_forced_in_by_the_database_without_sign_off_is_not_public(medical_reviewer):
    """P10: the database says live on an unsigned revision; the public queryset disagrees."""
    page = factories.published_article(medical_reviewer)
    unsigned = factories.edit(page, text="Never reviewed.")
    ArticlePage.objects.filter(pk=page.pk).update(live_revision=unsigned, live=True)
    assert public_ids() == set()
    assert not is_public(page)


def test_live_flag_without_any_revision_is_not_public():
    page = factories.draft_article()
    ArticlePage.objects.filter(pk=page.pk).update(live=True)
    assert public_ids() == set()


def test_both_roles_policy_applies_to_visibility(settings, medical_reviewer):
    page = factories.published_article(medical_reviewer)
    settings.REVIEW_REQUIRE_BOTH_ROLES = True
    assert public_ids() == set()
    settings.REVIEW_REQUIRE_BOTH_ROLES = False
    assert public_ids() == {page.pk}


def test_queryset_can_be_narrowed_first(medical_reviewer):
    first = factories.published_article(medical_reviewer)
    factories.published_article(medical_reviewer)
    assert list(public_articles(ArticlePage.objects.filter(pk=first.pk))) == [first]


def test_missing_fingerprint_hides_until_recomputed(medical_reviewer):
    """Revisions loaded raw (fixtures) have no fingerprint: hidden, never wrongly public; recompute restores it."""
    from pages.review.models import RevisionFingerprint
    from pages.review.stamps import recompute

    page = factories.published_article(medical_reviewer)
    RevisionFingerprint.objects.filter(revision_id=page.live_revision_id).delete()
    assert public_ids() == set()
    recompute(page)
    assert public_ids() == {page.pk}
