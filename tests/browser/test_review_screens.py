"""From the editor's and the reviewer's seat: requesting changes and teaching validation.

Each test asserts what the person sees: the message, the primary action, and never a permission error.
"""

from __future__ import annotations

import pytest
from wagtail.models import TaskState

from pages.models import ArticlePage
from tests import factories
from tests.browser.test_clinical_review_flow import browser, log_in, messages_text  # noqa: F401 (fixture)

# PostgreSQL only: on SQLite the editor's autosave and "Submit" requests, served by the live server's threads at
# the same time, fail with "database table is locked".
pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def submitted_article(editor, reviewer_user):
    page = factories.published_article(reviewer_user, title="Sleep and depression", text="The first version.")
    factories.edit(
        page, user=editor, text='A new version to read. For more, <a href="https://example.com/more">click here</a>.'
    )
    page = ArticlePage.objects.get(pk=page.pk)
    page.get_workflow().start(page, editor)
    return ArticlePage.objects.get(pk=page.pk)


def test_reviewer_requests_changes_and_is_told_who_gets_them(browser, live_server):  # noqa: F811
    editor = factories.editor(username="erin.editor", first_name="Erin", last_name="Editor")
    vines = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    foster = factories.reviewer("clinical", ("LPC",), name="Natalie Foster", slug="natalie-foster")
    article = submitted_article(editor, vines)

    reviewer = log_in(browser, live_server, foster.get_username())
    # Following the edit link (as in the notification e-mail) lands on the review screen, not the editor.
    reviewer.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    reviewer.wait_for_url(f"**/admin/review/pages/{article.pk}/")
    assert "“click here” does not say where it goes" in reviewer.locator("[data-reading-level]").inner_text()

    changes = reviewer.locator("[data-review-action=reject]")
    changes.get_by_role("button", name="Request changes").click()  # no comment yet: refused, and said why
    reviewer.wait_for_url(f"**/admin/review/pages/{article.pk}/")
    assert "write what needs to change" in messages_text(reviewer)

    changes = reviewer.locator("[data-review-action=reject]")
    changes.locator("textarea[name=note]").fill("Replace “click here” with the destination.")
    changes.get_by_role("button", name="Request changes").click()
    reviewer.wait_for_url(f"{live_server.url}/admin/")
    assert "Changes requested from Erin Editor" in messages_text(reviewer)
    assert "do not have permission" not in reviewer.content()
    state = TaskState.objects.filter(revision__object_id=str(article.pk)).order_by("-pk").first()
    assert state.status == TaskState.STATUS_REJECTED


def test_editor_is_warned_on_save_and_stopped_on_submit_with_the_block_named(browser, live_server):  # noqa: F811
    factories.editor(username="erin.editor")
    page = factories.draft_article(title="Numbers without sources")
    draft = page.get_latest_revision_as_object()
    draft.body = [
        ("paragraph", "<p>Many adults live with depression.</p>"),
        ("statistic", {"value": "8.3%", "text": "of adults had a major depressive episode", "citations": []}),
    ]
    draft.save_revision()

    editor = log_in(browser, live_server, "erin.editor")
    editor.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Save draft").click()
    editor.wait_for_load_state()
    said = messages_text(editor)
    assert "Saved as a draft, but fix these before submitting for clinical review" in said
    assert "Block 2, Statistic “8.3%”: This statistic needs a source: add a reference below and cite it" in said

    editor.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    editor.locator("footer").get_by_role("button", name="Submit for clinical review").click()
    editor.wait_for_load_state()
    assert "could not be saved" in messages_text(editor)
    assert "This statistic needs a source" in editor.locator("[data-contentpath=body]").inner_text()
    assert ArticlePage.objects.get(pk=page.pk).current_workflow_state is None  # nothing was submitted
