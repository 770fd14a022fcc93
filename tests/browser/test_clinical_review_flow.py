"""End to end in headless Chromium: edit the demo article, submit it for clinical review, sign off, see it live.

An editor logs in, edits the seed article and submits it to the "Clinical review" workflow; a clinical reviewer
(the demo's Natalie Foster) logs in, opens it from "Awaiting your sign-off", signs off with the attestation;
the change is live and the derived byline and stamps now name exactly her, dated today.
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

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

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


def test_editor_submits_reviewer_signs_off_change_goes_live(browser, live_server):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    article = ArticlePage.objects.get(slug="iop-for-depression")
    old_live_revision = article.live_revision_id
    factories.editor(username="erin.editor")
    foster = SignOff.objects.get(page=article, credentials__slug="natalie-foster").reviewer
    foster.set_password(factories.PASSWORD)
    foster.save()

    # The editor edits the title and submits the article to the clinical review workflow.
    editor = log_in(browser, live_server, "erin.editor")
    editor.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    editor.fill("#id_title", NEW_TITLE)
    editor.get_by_role("button", name="More actions").click()
    editor.click("button[name=action-submit]")
    editor.wait_for_url(lambda url: f"/pages/{article.pk}/edit/" not in url)
    article.refresh_from_db()
    assert article.live_revision_id == old_live_revision  # submitted, not live
    assert article.title != NEW_TITLE

    # The reviewer finds it on the dashboard, opens it and signs off with the attestation.
    reviewer = log_in(browser, live_server, foster.get_username())
    panel = reviewer.locator("[data-review-panel=awaiting-signoff]")
    assert NEW_TITLE in panel.inner_text()
    panel.get_by_role("link", name=NEW_TITLE).click()
    reviewer.wait_for_url(f"**/admin/pages/{article.pk}/edit/")
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.click("button[data-workflow-action-name=approve]")
    modal = reviewer.locator(".modal-content")
    modal.locator("input[name=attestation]").check()
    modal.locator("textarea[name=note]").fill("Read in full; the clinical content is accurate.")
    modal.locator("button[type=submit]").click()
    reviewer.wait_for_url(lambda url: f"/pages/{article.pk}/edit/" not in url)

    # The change is live, and the byline and stamps are derived from the new sign-off.
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.title == NEW_TITLE
    assert article.live_revision_id != old_live_revision
    assert list(public_articles()) == [article]
    stamps = stamps_representation(ArticleStamps.objects.get(page=article))
    today = timezone.localdate().isoformat()
    assert stamps["last_updated"] == today and stamps["last_reviewed"] == today
    assert stamps["byline"]["medical_providers"] == []
    assert [(e["display_name"], e["signed_off"]) for e in stamps["byline"]["clinical_providers"]] == [
        ("Natalie Foster, LPC-S, MS", today)
    ]

    # The editor sees the same in the article's sign-off history.
    editor.goto(f"{live_server.url}/admin/review/pages/{article.pk}/signoffs/")
    assert editor.locator("[data-byline-clinical]").inner_text() == "Natalie Foster, LPC-S, MS"
    assert editor.locator("[data-last-updated]").inner_text() == today
    assert "Read in full" in editor.locator("table.listing").inner_text()
