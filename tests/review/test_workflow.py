"""The "Clinical review" task: who may sign, what an action records, and what approval publishes."""

from __future__ import annotations

import datetime

import pytest
from wagtail.models import TaskState, WorkflowState

from pages.models import ArticlePage
from pages.review.errors import ReviewConflictError, ReviewerNotEligibleError, ReviewError
from pages.review.hashing import revision_fingerprint
from pages.review.models import ClinicalReviewTask, SignOff
from pages.review.workflow_setup import WORKFLOW_NAME
from providers.models import CredentialHolding
from tests import factories

pytestmark = pytest.mark.django_db

APPROVE = {"decision": "approved", "attestation": True, "note": "Reviewed in full."}
REJECT = {"decision": "changes_requested", "attestation": False, "note": "Cite the 8.3% figure."}


def submit(page: ArticlePage, editor) -> TaskState:
    page = ArticlePage.objects.get(pk=page.pk)
    page.get_workflow().start(page, editor)
    return ArticlePage.objects.get(pk=page.pk).current_workflow_task_state


def act(task_state: TaskState, user, action: str, data: dict) -> None:
    """Act as the review screen does: the form carries the revision shown and its fingerprint."""
    shown = {"revision": task_state.revision_id, "fingerprint": revision_fingerprint(task_state.revision)}
    task_state.task.specific.on_action(task_state, user, action, **{**shown, **data})


def test_new_article_index_gets_the_review_workflow():
    index = factories.article_index()
    workflow = index.get_workflow()
    assert workflow is not None and workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert isinstance(task, ClinicalReviewTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Clinical reviewers"]


def test_approval_records_the_sign_off_and_publishes_the_submitted_revision(editor_user, medical_reviewer):
    page = factories.draft_article(text="Submitted text.")
    submitted = factories.edit(page, user=editor_user, text="Submitted text.")
    task_state = submit(page, editor_user)
    assert task_state.revision_id == submitted.pk

    act(task_state, medical_reviewer, "approve", APPROVE)

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live and page.live_revision_id == submitted.pk
    signoff = SignOff.objects.get()
    assert (signoff.revision_id, signoff.decision, signoff.role, signoff.attestation) == (
        submitted.pk,
        "approved",
        "medical",
        True,
    )
    assert signoff.credentials["display_name"] == "Dr. Michael Vines, MD"
    assert signoff.task_state_id == task_state.pk
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_APPROVED


def test_an_edit_saved_after_submission_does_not_ride_along(editor_user, medical_reviewer):
    page = factories.draft_article(text="What the reviewer read.")
    submitted = factories.edit(page, user=editor_user, text="What the reviewer read.")
    task_state = submit(page, editor_user)
    later = factories.edit(page, user=editor_user, text="Slipped in after submission.")

    act(task_state, medical_reviewer, "approve", APPROVE)

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live_revision_id == submitted.pk
    assert "What the reviewer read." in str(page.body)
    assert "Slipped in" not in str(page.body)
    assert page.has_unpublished_changes
    assert page.latest_revision_id == later.pk


def test_request_changes_sends_it_back_and_publishes_nothing(editor_user, clinical_reviewer):
    page = factories.draft_article()
    task_state = submit(page, editor_user)
    act(task_state, clinical_reviewer, "reject", REJECT)
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert SignOff.objects.get().decision == "changes_requested"


def test_request_changes_needs_a_note(editor_user, clinical_reviewer):
    task_state = submit(factories.draft_article(), editor_user)
    with pytest.raises(ReviewError, match="note"):
        act(task_state, clinical_reviewer, "reject", {**REJECT, "note": ""})
    assert not SignOff.objects.exists()


def test_approval_needs_the_attestation(editor_user, medical_reviewer):
    task_state = submit(factories.draft_article(), editor_user)
    with pytest.raises(ReviewError, match="attestation"):
        act(task_state, medical_reviewer, "approve", {**APPROVE, "attestation": False})
    assert not SignOff.objects.exists()
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_a_user_outside_the_reviewers_group_cannot_sign(editor_user):
    outsider = factories.user()
    factories.ProviderFactory(category="medical", user=outsider, credentials=["MD"])
    page = factories.draft_article()
    task_state = submit(page, editor_user)
    assert task_state.task.specific.get_actions(page, outsider) == []
    with pytest.raises(ReviewerNotEligibleError, match="Clinical reviewers"):
        act(task_state, outsider, "approve", APPROVE)
    assert not SignOff.objects.exists()
    assert not ArticlePage.objects.get(pk=page.pk).live


def test_a_reviewer_with_an_expired_credential_cannot_sign(editor_user, medical_reviewer):
    """W5: the credential expired yesterday: new sign-offs are refused."""
    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(
        expires_on=datetime.date.today() - datetime.timedelta(days=1)
    )
    page = factories.draft_article()
    task_state = submit(page, editor_user)
    with pytest.raises(ReviewerNotEligibleError, match="not in good standing"):
        act(task_state, medical_reviewer, "approve", APPROVE)
    assert not SignOff.objects.exists()


def test_a_reviewer_with_an_unverified_credential_cannot_sign(editor_user, medical_reviewer):
    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(verified_on=None)
    task_state = submit(factories.draft_article(), editor_user)
    with pytest.raises(ReviewerNotEligibleError):
        act(task_state, medical_reviewer, "approve", APPROVE)


def test_a_group_member_without_a_clinician_profile_cannot_sign(editor_user):
    member = factories.user(groups=("Clinical reviewers",))
    task_state = submit(factories.draft_article(), editor_user)
    with pytest.raises(ReviewerNotEligibleError, match="clinician profile"):
        act(task_state, member, "approve", APPROVE)


def test_reviewers_cannot_sign_their_own_revision(medical_reviewer):
    page = factories.draft_article()
    factories.edit(page, user=medical_reviewer, text="I wrote this myself.")
    task_state = submit(page, medical_reviewer)
    with pytest.raises(ReviewerNotEligibleError, match="saved yourself"):
        act(task_state, medical_reviewer, "approve", APPROVE)


def test_self_review_is_allowed_only_when_the_setting_says_so(settings, medical_reviewer):
    settings.REVIEW_ALLOW_SELF_REVIEW = True
    page = factories.draft_article()
    factories.edit(page, user=medical_reviewer, text="I wrote this myself.")
    task_state = submit(page, medical_reviewer)
    act(task_state, medical_reviewer, "approve", APPROVE)
    assert SignOff.objects.filter(reviewer=medical_reviewer, decision="approved").exists()


def test_a_finished_review_refuses_a_second_decision(editor_user, medical_reviewer, clinical_reviewer):
    """The sequential half of W4: the loser gets a message (ReviewConflictError), nothing is recorded."""
    page = factories.draft_article()
    task_state = submit(page, editor_user)
    stale = TaskState.objects.get(pk=task_state.pk)
    act(task_state, medical_reviewer, "approve", APPROVE)
    with pytest.raises(ReviewConflictError, match="already completed"):
        act(stale, clinical_reviewer, "reject", REJECT)
    assert SignOff.objects.count() == 1
    assert ArticlePage.objects.get(pk=page.pk).live


def test_both_roles_policy_waits_for_the_second_role(settings, editor_user, medical_reviewer, clinical_reviewer):
    settings.REVIEW_REQUIRE_BOTH_ROLES = True
    page = factories.draft_article()
    task_state = submit(page, editor_user)
    act(task_state, medical_reviewer, "approve", APPROVE)
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not ArticlePage.objects.get(pk=page.pk).live
    with pytest.raises(ReviewConflictError, match="already signed"):
        act(task_state, medical_reviewer, "approve", APPROVE)
    act(task_state, clinical_reviewer, "approve", APPROVE)
    assert ArticlePage.objects.get(pk=page.pk).live
