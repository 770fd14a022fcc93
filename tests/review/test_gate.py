"""Invariant 3: every publish path refuses an unsigned article revision and leaves the live revision unchanged."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction
from wagtail.models import Revision

from pages.models import ArticlePage
from pages.review.errors import UNSIGNED_MESSAGE, UnsignedRevisionError
from pages.review.finish import publish_approved_revision
from pages.review.gate import revision_is_signed_off
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def live_article(medical_reviewer):
    """A live article (signed revision R1) with an unsigned newer revision R2."""
    page = factories.published_article(medical_reviewer, text="Signed text.")
    r1 = page.live_revision
    r2 = factories.edit(page, text="Unsigned change.")
    return page, r1, r2


def assert_live_unchanged(page: ArticlePage, live_revision: Revision) -> None:
    fresh = ArticlePage.objects.get(pk=page.pk)
    assert fresh.live
    assert fresh.live_revision_id == live_revision.pk
    assert "Signed text." in str(fresh.body)


PUBLISH_CALLS = {
    "revision.publish()": lambda revision: revision.publish(),
    "revision.publish(skip_permission_checks)": lambda revision: revision.publish(skip_permission_checks=True),
    "page.publish(revision)": lambda revision: revision.content_object.publish(revision),
    "PublishRevisionAction.execute()": lambda revision: PublishRevisionAction(revision).execute(),
    "PublishPageRevisionAction.execute()": lambda revision: PublishPageRevisionAction(revision).execute(
        skip_permission_checks=True
    ),
    "workflow finish action": lambda revision: publish_approved_revision(
        type(
            "State",
            (),
            {"current_task_state": type("T", (), {"revision": revision})(), "content_object": revision.content_object},
        )()
    ),
}


@pytest.mark.parametrize("path", list(PUBLISH_CALLS))
def test_every_code_path_refuses_an_unsigned_revision(path, live_article):
    page, r1, r2 = live_article
    with pytest.raises(UnsignedRevisionError, match=UNSIGNED_MESSAGE):
        PUBLISH_CALLS[path](r2)
    assert_live_unchanged(page, r1)


def test_never_published_article_cannot_go_live_unsigned():
    page = factories.draft_article()
    with pytest.raises(UnsignedRevisionError):
        page.get_latest_revision().publish()
    assert not ArticlePage.objects.get(pk=page.pk).live


def test_r1_sign_off_does_not_cover_r2(live_article, medical_reviewer):
    """W2: R1 signed, R2 saved before publish: R2 cannot go live on R1's sign-off."""
    page, r1, r2 = live_article
    assert revision_is_signed_off(r1)
    assert not revision_is_signed_off(r2)
    with pytest.raises(UnsignedRevisionError):
        r2.publish()
    assert_live_unchanged(page, r1)


def test_identical_content_is_covered_by_an_earlier_sign_off(medical_reviewer):
    """Re-saving unchanged content (new ids, timestamps) keeps the sign-off; any edit loses it."""
    page = factories.draft_article(text="Same words.")
    r1 = page.get_latest_revision()
    factories.sign(r1, medical_reviewer)
    r2 = factories.edit(page, change_kind="minor")  # no content change, only the change note
    r2.publish()
    assert ArticlePage.objects.get(pk=page.pk).live_revision_id == r2.pk
    r3 = factories.edit(page, title="A new title")
    assert not revision_is_signed_off(r3)


def test_overwriting_a_signed_revision_loses_its_cover(medical_reviewer):
    """Wagtail's autosave can overwrite a revision in place; the sign-off is of the content, not the row."""
    editor = factories.editor()
    page = factories.draft_article(text="Reviewed words.")
    revision = factories.edit(page, user=editor, text="Reviewed words.")
    factories.sign(revision, medical_reviewer)
    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    draft.body = factories.body("Words changed after review.")
    overwritten = draft.save_revision(user=editor, overwrite_revision=revision)
    assert overwritten.pk == revision.pk
    with pytest.raises(UnsignedRevisionError):
        Revision.objects.get(pk=revision.pk).publish()


def test_changes_requested_is_not_an_approval(medical_reviewer):
    page = factories.draft_article()
    revision = page.get_latest_revision()
    factories.sign(revision, medical_reviewer, decision="changes_requested", note="Cite the statistic.")
    with pytest.raises(UnsignedRevisionError):
        revision.publish()


def test_scheduling_an_unsigned_revision_is_refused(live_article):
    page, r1, r2 = live_article
    draft = r2.as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=1)
    scheduled = draft.save_revision()
    with pytest.raises(UnsignedRevisionError):
        scheduled.publish()
    assert not Revision.objects.filter(pk=scheduled.pk, approved_go_live_at__isnull=False).exists()
    assert_live_unchanged(page, r1)


def test_publish_scheduled_skips_unsigned_revisions_and_publishes_signed_ones(live_article, medical_reviewer):
    """A schedule forced into the database around the gate is cancelled, not published, and the run goes on."""
    page, r1, r2 = live_article
    due = timezone.now() - datetime.timedelta(minutes=5)
    Revision.objects.filter(pk=r2.pk).update(approved_go_live_at=due)

    other = factories.published_article(medical_reviewer, text="Other signed text.")
    signed_next = factories.edit(other, text="Signed update.")
    factories.sign(signed_next, medical_reviewer)
    Revision.objects.filter(pk=signed_next.pk).update(approved_go_live_at=due)

    errors = io.StringIO()
    call_command("publish_scheduled", stdout=io.StringIO(), stderr=errors)

    assert UNSIGNED_MESSAGE in errors.getvalue()

    assert_live_unchanged(page, r1)
    assert Revision.objects.get(pk=r2.pk).approved_go_live_at is None
    assert ArticlePage.objects.get(pk=other.pk).live_revision_id == signed_next.pk


def test_signed_revision_publishes_through_every_path(medical_reviewer):
    page = factories.draft_article()
    revision = page.get_latest_revision()
    factories.sign(revision, medical_reviewer)
    PublishRevisionAction(revision).execute()
    assert ArticlePage.objects.get(pk=page.pk).live_revision_id == revision.pk


def test_raw_page_save_cannot_point_live_revision_at_an_unsigned_revision(live_article):
    page, r1, r2 = live_article
    page = ArticlePage.objects.get(pk=page.pk)
    page.live_revision = r2
    with pytest.raises(UnsignedRevisionError):
        page.save()
    assert_live_unchanged(page, r1)


def test_other_page_types_are_not_gated():
    index = factories.article_index()
    revision = index.save_revision()
    revision.publish()
    assert index.__class__.objects.get(pk=index.pk).live_revision_id == revision.pk


def test_require_both_roles_policy(settings, medical_reviewer, clinical_reviewer):
    settings.REVIEW_REQUIRE_BOTH_ROLES = True
    page = factories.draft_article()
    revision = page.get_latest_revision()
    factories.sign(revision, medical_reviewer)
    with pytest.raises(UnsignedRevisionError):
        revision.publish()
    factories.sign(revision, clinical_reviewer)
    revision.publish()
    assert ArticlePage.objects.get(pk=page.pk).live_revision_id == revision.pk
