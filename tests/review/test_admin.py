"""The gate and the review task in the Wagtail admin: clear messages, never a 500, nothing lost."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from pages.models import ArticlePage
from pages.review.errors import UNSIGNED_MESSAGE, ReviewConflictError
from pages.review.models import ClinicalReviewTask, SignOff
from tests import factories

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def with_body(data, text: str):
    """The body StreamField is rendered by JavaScript, so its fields are not in the HTML: add them."""
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])}))
    return data


def edit_form(client, page, text: str = "Signed text.") -> dict:
    # ?edit=1: a reviewer with a pending sign-off is otherwise sent to the review screen
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]) + "?edit=1")
    assert response.status_code == 200
    return with_body(querydict_from_html(response.content.decode(), form_id="page-edit-form"), text)


def modal_form(modal) -> dict:
    """The fields of the workflow action modal's form as the browser would post them (hidden ones included)."""
    return querydict_from_html(modal.json()["html"]).dict()


@pytest.fixture
def live_page(medical_reviewer):
    return factories.published_article(medical_reviewer, text="Signed text.", title="Signed title")


def test_editor_publish_of_unsigned_change_is_refused_with_a_message(client, editor_user, live_page):
    client.force_login(editor_user)
    data = edit_form(client, live_page)
    data["title"] = "Unreviewed title"
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[live_page.pk]), data)

    assert response.status_code == 302
    assert any(UNSIGNED_MESSAGE in message for message in messages_of(response))
    page = ArticlePage.objects.get(pk=live_page.pk)
    assert page.title == "Signed title" and page.live_revision_id == live_page.live_revision_id
    assert page.get_latest_revision_as_object().title == "Unreviewed title"  # the editor's work was kept


def test_new_article_publish_is_refused(client, editor_user):
    index = factories.article_index()
    client.force_login(editor_user)
    response = client.get(reverse("wagtailadmin_pages:add", args=["pages", "articlepage", index.pk]))
    data = with_body(querydict_from_html(response.content.decode(), form_id="page-edit-form"), "New.")
    data.update({"title": "Brand new", "slug": "brand-new", "summary": "New.", "action-publish": "action-publish"})
    response = client.post(reverse("wagtailadmin_pages:add", args=["pages", "articlepage", index.pk]), data)
    assert response.status_code == 302, response.content[:2000]
    page = ArticlePage.objects.get(slug="brand-new")
    assert not page.live
    assert any(UNSIGNED_MESSAGE in message for message in messages_of(response))


def test_bulk_publish_of_an_unsigned_article_is_refused(client, editor_user, live_page):
    factories.edit(live_page, text="Unsigned bulk change.")
    client.force_login(editor_user)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={live_page.pk}"
    response = client.post(url, {"include_descendants": ""})
    assert response.status_code == 302
    assert any(UNSIGNED_MESSAGE in message for message in messages_of(response))
    assert ArticlePage.objects.get(pk=live_page.pk).live_revision_id == live_page.live_revision_id


def test_copy_with_publish_is_refused_for_articles(client, editor_user, live_page):
    client.force_login(editor_user)
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[live_page.pk]),
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": live_page.get_parent().pk, "publish_copies": "on"},
    )
    assert response.status_code == 302
    assert not ArticlePage.objects.filter(slug="copy").exists()
    assert any(UNSIGNED_MESSAGE in message for message in messages_of(response))


def test_submit_then_sign_off_from_the_workflow_modal_publishes(client, editor_user, medical_reviewer, live_page):
    client.force_login(editor_user)
    data = edit_form(client, live_page)
    data["title"] = "Reviewed title"
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[live_page.pk]), data)
    assert response.status_code == 302
    task_state = ArticlePage.objects.get(pk=live_page.pk).current_workflow_task_state
    assert isinstance(task_state.task.specific, ClinicalReviewTask)

    client.force_login(medical_reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[live_page.pk, "approve", task_state.pk])
    modal = client.get(url)
    assert modal.status_code == 200
    assert "I attest that I reviewed the whole article" in modal.json()["html"]
    data = modal_form(modal)
    response = client.post(url, {**data, "attestation": "on", "note": "Accurate."})
    assert response.status_code == 302

    page = ArticlePage.objects.get(pk=live_page.pk)
    assert page.title == "Reviewed title" and page.live_revision_id == task_state.revision_id
    assert SignOff.objects.filter(revision_id=task_state.revision_id, decision="approved").count() == 1


def test_review_conflict_in_the_admin_is_a_message_not_a_500(client, editor_user, medical_reviewer, monkeypatch):
    page = factories.draft_article()
    page.get_workflow().start(page, editor_user)
    task_state = ArticlePage.objects.get(pk=page.pk).current_workflow_task_state

    def lose(*args, **kwargs):
        raise ReviewConflictError(
            "This review was already completed (approved by someone). Your decision was not recorded."
        )

    monkeypatch.setattr(ClinicalReviewTask, "on_action", lose)
    client.force_login(medical_reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "reject", task_state.pk])
    response = client.post(url, {"decision": "changes_requested", "note": "x"}, HTTP_REFERER="http://testserver/admin/")
    assert response.status_code == 302
    assert any("already completed" in message for message in messages_of(response))
    ajax = client.post(url, {"decision": "changes_requested", "note": "x"}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
    assert ajax.status_code == 200 and ajax.json()["step"] == "success"


def test_ineligible_reviewer_gets_the_reason(client, editor_user, medical_reviewer):
    from providers.models import CredentialHolding

    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(status="expired")
    page = factories.draft_article()
    page.get_workflow().start(page, editor_user)
    task_state = ArticlePage.objects.get(pk=page.pk).current_workflow_task_state
    client.force_login(medical_reviewer)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {**modal_form(client.get(url)), "attestation": "on"})
    assert response.status_code == 302
    assert any("not in good standing" in message for message in messages_of(response))
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.get().status == WorkflowState.STATUS_IN_PROGRESS


def test_dashboard_panels(client, editor_user, medical_reviewer):
    page = factories.draft_article(title="Waiting for review")
    page.get_workflow().start(page, editor_user)
    client.force_login(medical_reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your sign-off" in html and "Waiting for review" in html
    assert "Reviews due or overdue" in html
    assert "Credentials expiring within 30 days" in html


def test_review_report_lists_articles_with_status_and_reviewers(client, editor_user, live_page):
    client.force_login(editor_user)
    response = client.get(reverse("review_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Signed title" in html and "Dr. Michael Vines, MD" in html and "Current" in html
    csv = client.get(reverse("review_report") + "?export=csv")
    assert csv.status_code == 200 and b"Dr. Michael Vines, MD" in b"".join(csv.streaming_content)


def test_sign_off_history_is_reachable_from_the_page(client, editor_user, live_page):
    client.force_login(editor_user)
    history_url = reverse("review_signoff_history", args=[live_page.pk])
    edit_html = client.get(reverse("wagtailadmin_pages:edit", args=[live_page.pk])).content.decode()
    assert history_url in edit_html
    response = client.get(history_url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dr. Michael Vines, MD" in html and "Approved" in html and f"#{live_page.live_revision_id}" in html
    assert "covers live content" in html


def test_sign_off_history_needs_edit_rights_or_reviewer_role(client, live_page):
    client.force_login(factories.user(groups=()))
    response = client.get(reverse("review_signoff_history", args=[live_page.pk]))
    assert response.status_code in (302, 403)
