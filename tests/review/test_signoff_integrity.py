"""W6 and W8 through the admin: a reviewer signs exactly the revision they were shown, and never their own words."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision, TaskState

from pages.models import ArticlePage
from pages.review.errors import STALE_MESSAGE
from pages.review.models import SignOff
from tests import factories
from tests.review.test_admin import edit_form, messages_of, modal_form

pytestmark = pytest.mark.django_db


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_form(client: Client, url: str, data: dict, **extra):
    """POST as the browser does: the CSRF token comes from the cookie the admin set on the previous GET."""
    token = client.cookies["csrftoken"].value
    return client.post(url, {**data, "csrfmiddlewaretoken": token}, **extra)


def save_in_editor(client: Client, page: ArticlePage, text: str, *, overwrite: int | None = None, action: str = ""):
    data = edit_form(client, page, text)
    if overwrite is not None:
        data["overwrite_revision_id"] = str(overwrite)
    if action:
        data[action] = action
    response = post_form(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302, response.content[:3000]
    return response


def approve_url(page: ArticlePage, task_state: TaskState, action: str = "approve") -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def current_task(page: ArticlePage) -> TaskState:
    return ArticlePage.objects.get(pk=page.pk).current_workflow_task_state


@pytest.fixture
def dual_role_user(db):
    return factories.user(groups=("Editors", "Clinical reviewers"), username="dual")


@pytest.mark.parametrize("author", ["superuser", "dual_role"])
def test_an_overwrite_during_review_makes_a_new_revision_and_the_reviewed_one_goes_live(
    author, dual_role_user, medical_reviewer
):
    writer = (
        get_user_model().objects.create_superuser("boss", "boss@example.com", "x")
        if author == "superuser"
        else dual_role_user
    )
    page = factories.draft_article(text="Start.")
    editor = csrf_client(writer)
    save_in_editor(editor, page, "Take 10 mg.", action="action-submit")
    task_state = current_task(page)
    reviewed = task_state.revision
    assert reviewed.user_id == writer.pk and "Take 10 mg." in str(reviewed.content)

    reviewer = csrf_client(medical_reviewer)
    modal = reviewer.get(approve_url(page, task_state))
    shown = modal_form(modal)

    # The author saves again, asking Wagtail to overwrite the revision under review in place.
    save_in_editor(editor, page, "Take 100 mg.", overwrite=reviewed.pk)

    reviewed.refresh_from_db()
    assert "Take 10 mg." in str(reviewed.content) and "100 mg" not in str(reviewed.content)
    latest = ArticlePage.objects.get(pk=page.pk).latest_revision
    assert latest.pk != reviewed.pk and "Take 100 mg." in str(latest.content)

    response = post_form(reviewer, approve_url(page, task_state), {**shown, "attestation": "on", "note": "OK"})
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live_revision_id == reviewed.pk
    assert "Take 10 mg." in str(page.body) and "100 mg" not in str(page.body)
    assert page.has_unpublished_changes  # the 100 mg revision stays a draft and needs its own review
    assert SignOff.objects.get().revision_id == reviewed.pk


def test_a_stale_fingerprint_is_refused_with_a_message(editor_user, medical_reviewer):
    page = factories.draft_article(text="Take 10 mg.")
    page.get_workflow().start(page, editor_user)
    task_state = current_task(page)
    reviewer = csrf_client(medical_reviewer)
    shown = modal_form(reviewer.get(approve_url(page, task_state)))

    # The stored revision changes behind the review (any path that bypasses the model layer).
    content = {**task_state.revision.content, "summary": "Take 100 mg."}
    Revision.objects.filter(pk=task_state.revision_id).update(content=content)

    response = post_form(reviewer, approve_url(page, task_state), {**shown, "attestation": "on"})
    assert response.status_code == 302
    assert any(STALE_MESSAGE in message for message in messages_of(response))
    assert not SignOff.objects.exists()
    assert not ArticlePage.objects.get(pk=page.pk).live
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_an_approval_for_another_revision_or_without_a_fingerprint_is_refused(editor_user, medical_reviewer):
    page = factories.draft_article(text="Take 10 mg.")
    page.get_workflow().start(page, editor_user)
    task_state = current_task(page)
    reviewer = csrf_client(medical_reviewer)
    shown = modal_form(reviewer.get(approve_url(page, task_state)))
    assert shown["revision"] == str(task_state.revision_id) and len(shown["fingerprint"]) == 64

    other = factories.edit(page, user=editor_user, text="Something else.")
    wrong = post_form(reviewer, approve_url(page, task_state), {**shown, "revision": other.pk, "attestation": "on"})
    assert any(STALE_MESSAGE in message for message in messages_of(wrong))
    blind = post_form(reviewer, approve_url(page, task_state), {**shown, "fingerprint": "", "attestation": "on"})
    assert any("which version you reviewed" in message for message in messages_of(blind))
    assert not SignOff.objects.exists()


def test_w8_a_reviewers_edit_laundered_through_an_editor_resubmit_cannot_be_signed_by_them(
    editor_user, medical_reviewer, clinical_reviewer
):
    page = factories.draft_article(text="Editor words.")
    editor = csrf_client(editor_user)
    save_in_editor(editor, page, "Editor words.", action="action-submit")
    first_task = current_task(page)

    # During review the reviewer rewrites the article (task members may open the editor), then requests changes.
    reviewer = csrf_client(medical_reviewer)
    save_in_editor(reviewer, page, "Reviewer wording.")
    reject = approve_url(page, first_task, "reject")
    post_form(reviewer, reject, {**modal_form(reviewer.get(reject)), "note": "See my edit."})
    assert TaskState.objects.get(pk=first_task.pk).status == TaskState.STATUS_REJECTED

    # The editor resubmits without changing anything: the new revision is saved by the editor.
    save_in_editor(editor, page, "Reviewer wording.", action="action-submit")
    second_task = current_task(page)
    assert second_task.revision.user_id == editor_user.pk
    assert "Reviewer wording." in str(second_task.revision.content)

    approve = approve_url(page, second_task)
    response = post_form(reviewer, approve, {**modal_form(reviewer.get(approve)), "attestation": "on"})
    assert any("changes you saved yourself" in message for message in messages_of(response))
    assert not SignOff.objects.filter(decision="approved").exists()
    assert not ArticlePage.objects.get(pk=page.pk).live

    # Another reviewer, who wrote none of it, can sign it off.
    other = csrf_client(clinical_reviewer)
    post_form(other, approve, {**modal_form(other.get(approve)), "attestation": "on"})
    assert ArticlePage.objects.get(pk=page.pk).live


def test_w8_the_setting_allows_self_review(settings, editor_user, medical_reviewer):
    settings.REVIEW_ALLOW_SELF_REVIEW = True
    page = factories.draft_article()
    factories.edit(page, user=medical_reviewer, text="Mine.")
    factories.edit(page, user=editor_user, text="Mine.")
    page.get_workflow().start(page, editor_user)
    task_state = current_task(page)
    reviewer = csrf_client(medical_reviewer)
    url = approve_url(page, task_state)
    post_form(reviewer, url, {**modal_form(reviewer.get(url)), "attestation": "on"})
    assert ArticlePage.objects.get(pk=page.pk).live
