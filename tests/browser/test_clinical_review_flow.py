"""End to end in headless Chromium: edit the demo article, submit it for clinical review, sign off, see it live.

An editor logs in, edits the seed article and submits it for clinical review (the primary action); a clinical
reviewer (the demo's Natalie Foster) logs in, opens it from "Awaiting your sign-off" on the review screen, signs
off with the attestation and lands on the dashboard with "Signed off and published"; the change is live (with no
extra revision) and the derived byline and stamps now name exactly her, dated today. Clicks are counted: the
whole flow after logging in takes the editor two clicks and the reviewer three, plus typing.
"""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from pages.models import ArticlePage
from pages.review.models import ArticleStamps, SignOff
from pages.review.stamps import stamps_representation
from pages.review.visibility import public_articles
from tests import factories

# PostgreSQL only: on SQLite the editor's autosave and "Submit" requests, served by the live server's threads at
# the same time, fail with "database table is locked".
pytestmark = [
    pytest.mark.browser,
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
NEW_TITLE = "IOP for Depression: What to Expect, How It Works and Who It Helps"


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread, which makes Django refuse the (synchronous) ORM
    # calls the test makes. Allow them for this test only: set at import time it would leak into every
    # subprocess of the run (and `check --deploy` rightly rejects it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def log_in(browser, live_server, username: str):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


class Clicks:
    """Counts the clicks a person makes (typing is not a click)."""

    def __init__(self) -> None:
        self.count = 0

    def click(self, locator) -> None:
        self.count += 1
        locator.click()


def messages_text(page) -> str:
    return page.locator(".messages").inner_text() if page.locator(".messages").count() else ""


def test_editor_submits_reviewer_signs_off_change_goes_live(browser, live_server):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    old_live_revision = article.live_revision_id
    factories.editor(username="erin.editor", first_name="Erin", last_name="Editor")
    foster = SignOff.objects.get(page=article, credentials__slug="natalie-foster").reviewer
    foster.set_password(factories.PASSWORD)
    foster.save()

    # The editor edits the title; the primary action is "Submit for clinical review" (no Publish to be refused).
    editor_clicks = Clicks()
    editor = log_in(browser, live_server, "erin.editor")
    editor.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    editor.fill("#id_title", NEW_TITLE)
    footer = editor.locator("footer")
    submit = footer.get_by_role("button", name="Submit for clinical review")
    assert submit.is_visible()  # shown without opening "More actions": it is the primary action
    editor_clicks.click(editor.get_by_role("button", name="More actions"))
    assert footer.get_by_role("button", name="Publish").count() == 0
    editor.keyboard.press("Escape")
    editor_clicks.count -= 1  # looking inside the menu was the test's check, not part of the editor's path
    editor_clicks.click(submit)
    editor.wait_for_url(lambda url: f"/pages/{article.pk}/edit/" not in url)
    said = messages_text(editor)
    assert "submitted for clinical review" in said and "moderation" not in said
    article.refresh_from_db()
    assert article.live_revision_id == old_live_revision  # submitted, not live
    assert article.title != NEW_TITLE
    revisions_after_submit = article.revisions.count()

    # The reviewer finds it in the one dashboard panel and opens the review screen.
    reviewer_clicks = Clicks()
    reviewer = log_in(browser, live_server, foster.get_username())
    panel = reviewer.locator("[data-review-panel=awaiting-signoff]")
    assert NEW_TITLE in panel.inner_text()
    assert "Awaiting your review" not in reviewer.content()  # Wagtail's duplicate panel is hidden
    reviewer_clicks.click(panel.get_by_role("link", name=NEW_TITLE))
    reviewer.wait_for_url(f"**/admin/review/pages/{article.pk}/")
    assert "A clinical sign-off is awaited from you" in reviewer.locator("[data-review-banner]").inner_text()
    diff = reviewer.locator("[data-review-diff]")
    assert "Title:" in diff.inner_text()  # what changed since the live version, word by word
    assert "Helps" in " ".join(diff.locator(".addition").all_inner_texts())
    assert "Reading grade" in reviewer.locator("[data-reading-level]").inner_text()
    assert reviewer.locator("[data-review-statistics] tbody tr").count() >= 1

    sign_off = reviewer.locator("[data-review-action=approve]")
    reviewer_clicks.click(sign_off.locator("input[name=attestation]"))
    sign_off.locator("textarea[name=note]").fill("Read in full; the clinical content is accurate.")
    reviewer_clicks.click(sign_off.get_by_role("button", name="Sign off"))
    reviewer.wait_for_url(f"{live_server.url}/admin/")
    said = messages_text(reviewer)
    assert "Signed off and published" in said
    assert "do not have permission" not in reviewer.content()
    assert (editor_clicks.count, reviewer_clicks.count) == (1, 3)

    # The change is live, with no extra revision, and the byline and stamps come from the new sign-off.
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.title == NEW_TITLE
    assert article.live_revision_id != old_live_revision
    assert article.revisions.count() == revisions_after_submit
    assert not article.has_unpublished_changes  # the listing says "live", not "live + draft"
    assert list(public_articles()) == [article]
    stamps = stamps_representation(ArticleStamps.objects.get(page=article))
    today = timezone.localdate().isoformat()
    assert stamps["last_updated"] == today and stamps["last_reviewed"] == today
    assert stamps["byline"]["medical_providers"] == []
    assert [(e["display_name"], e["signed_off"]) for e in stamps["byline"]["clinical_providers"]] == [
        ("Natalie Foster, LPC-S, MS", today)
    ]

    # The editor's page listing shows it live only, and the sign-off history names the reviewer.
    editor.goto(f"{live_server.url}/admin/pages/{article.get_parent().pk}/")
    row = editor.locator("tr", has_text=NEW_TITLE)
    assert "live" in row.inner_text().lower() and "draft" not in row.inner_text().lower()
    editor.goto(f"{live_server.url}/admin/review/pages/{article.pk}/signoffs/")
    assert editor.locator("[data-byline-clinical]").inner_text() == "Natalie Foster, LPC-S, MS"
    assert editor.locator("[data-last-updated]").inner_text() == today
    assert "Read in full" in editor.locator("table.listing").inner_text()
