"""The reviewer's screen: reached instead of the editor, shows the diff, sources and reading level; acting
through it records the decision without a new revision and lands on the dashboard with a message."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Revision, TaskState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from pages.models import ArticlePage
from pages.review.hashing import revision_fingerprint
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return factories.reviewer("clinical", ("LPC-S", "MS"), name="Natalie Foster", slug="natalie-foster")


@pytest.fixture
def submitted(reviewer):
    """A live article with an edited revision submitted for clinical review by an editor."""
    editor = factories.editor(username="erin", first_name="Erin", last_name="Editor")
    first = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    page = factories.published_article(first, text="The first version says one thing.")
    factories.edit(page, user=editor, text="The new version says something quite different.")
    page = ArticlePage.objects.get(pk=page.pk)
    page.get_workflow().start(page, editor)
    return ArticlePage.objects.get(pk=page.pk)


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_reviewer_opening_the_editor_lands_on_the_review_screen(client, reviewer, submitted):
    client.force_login(reviewer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[submitted.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("review_screen", args=[submitted.pk])

    screen = client.get(response["Location"])
    html = screen.content.decode()
    assert screen.status_code == 200
    assert "A clinical sign-off is awaited from you" in html
    assert "something quite different" in html  # the diff against the live version
    assert "Reading grade (Flesch-Kincaid)" in html
    assert 'data-review-action="approve"' in html and 'data-review-action="reject"' in html
    task_state = submitted.current_workflow_task_state
    assert reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk]) in html


def test_dashboard_shows_one_panel_of_pending_sign_offs(client, reviewer, submitted):
    client.force_login(reviewer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your sign-off" in html
    assert "Awaiting your review" not in html
    assert reverse("review_screen", args=[submitted.pk]) in html


def test_signing_off_from_the_screen_publishes_without_a_new_revision(client, reviewer, submitted):
    client.force_login(reviewer)
    task_state = submitted.current_workflow_task_state
    revisions_before = Revision.objects.filter(object_id=str(submitted.pk)).count()
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "approve", task_state.pk])
    outcome = reverse("review_outcome", args=[submitted.pk, task_state.pk]) + "?action=approve"
    screen = client.get(reverse("review_screen", args=[submitted.pk])).content.decode()
    fingerprint = revision_fingerprint(task_state.revision)
    assert f'value="{fingerprint}"' in screen  # the screen's form carries what the reviewer is shown (W6)
    shown = {"revision": task_state.revision_id, "fingerprint": fingerprint}
    response = client.post(
        url, {"decision": "approved", "attestation": "on", "note": "Accurate.", "next": outcome, **shown}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "Signed off and published" in " ".join(texts(response))
    page = ArticlePage.objects.get(pk=submitted.pk)
    assert page.live_revision_id == task_state.revision_id
    assert not page.has_unpublished_changes
    assert Revision.objects.filter(object_id=str(submitted.pk)).count() == revisions_before


def test_requesting_changes_names_the_editor(client, reviewer, submitted):
    client.force_login(reviewer)
    task_state = submitted.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", task_state.pk])
    outcome = reverse("review_outcome", args=[submitted.pk, task_state.pk]) + "?action=reject"
    response = client.post(url, {"decision": "changes_requested", "note": "Cite it.", "next": outcome}, follow=True)
    assert "Changes requested from Erin Editor" in " ".join(texts(response))
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_REJECTED


def test_request_changes_without_a_note_says_so_and_stays_on_the_screen(client, reviewer, submitted):
    client.force_login(reviewer)
    task_state = submitted.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[submitted.pk, "reject", task_state.pk])
    outcome = reverse("review_outcome", args=[submitted.pk, task_state.pk]) + "?action=reject"
    response = client.post(url, {"decision": "changes_requested", "note": "", "next": outcome}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("review_screen", args=[submitted.pk])
    assert "write what needs to change" in " ".join(texts(response))
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS


def test_editors_see_submit_for_clinical_review_first_and_no_refused_publish(client, submitted):
    editor = factories.editor(username="ed2")
    page = factories.draft_article(title="A new draft")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    footer = html[html.index("footer") :]
    assert footer.index("Submit for clinical review") < footer.index("Save draft")  # the primary (first) action
    assert 'name="action-publish"' not in html


def test_submission_message_says_clinical_review(client):
    editor = factories.editor(username="ed3")
    page = factories.draft_article(title="Submitted draft")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Plain words.</p>"))])}))
    data["action-submit"] = "action-submit"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True)
    said = " ".join(texts(response))
    assert "submitted for clinical review" in said and "moderation" not in said
