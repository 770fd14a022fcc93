"""End to end in headless Chromium: edit the demo article, submit it for clinical review, sign off, see it live.

An editor edits the seed article and submits it for clinical review (the primary action); a clinical
reviewer (the demo's Natalie Foster) opens it from "Awaiting your sign-off" on the review screen, signs
off with the attestation and lands on the dashboard with "Signed off and published"; the change is live (with no
extra revision) and the derived byline and stamps now name exactly her, dated today. Clicks are counted: the
whole flow after logging in takes the editor one click and the reviewer three, plus typing (CLICK_BUDGET). The
API then shows the reviewer in the byline. Logins go through the session cookie (the login form is not under test).
"""

from __future__ import annotations

import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from pages.models import ArticlePage
from pages.review.models import SignOff
from tests import factories
from tests.browser.conftest import Clicks, messages_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW_TITLE = "IOP for Depression: What to Expect, How It Works and Who It Helps"
# What a person may spend, after logging in, to get one change reviewed and live: the editor submits (1 click);
# the reviewer opens the item from the dashboard, ticks the attestation and signs off (3 clicks).
CLICK_BUDGET = {"editor": 1, "reviewer": 3}


def test_editor_submits_reviewer_signs_off_change_goes_live(signed_in):
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    old_live_revision = article.live_revision_id
    foster = SignOff.objects.get(page=article, credentials__slug="natalie-foster").reviewer

    # The editor edits the title; the primary action is "Submit for clinical review" (no Publish to be refused).
    clicks = {"editor": Clicks(), "reviewer": Clicks()}
    editor = signed_in(factories.editor(username="erin.editor", first_name="Erin", last_name="Editor"))
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    editor.fill("#id_title", NEW_TITLE)
    footer = editor.locator("footer")
    submit = footer.get_by_role("button", name="Submit for clinical review")
    assert submit.is_visible()  # shown without opening "More actions": it is the primary action
    editor.get_by_role("button", name="More actions").click()  # the test's look inside the menu, not a step
    assert footer.get_by_role("button", name="Publish").count() == 0
    editor.keyboard.press("Escape")
    clicks["editor"].click(submit)
    editor.wait_for_url(lambda url: f"/pages/{article.pk}/edit/" not in url)
    said = messages_text(editor)
    assert "submitted for clinical review" in said and "moderation" not in said
    article.refresh_from_db()
    assert article.live_revision_id == old_live_revision  # submitted, not live
    assert article.title != NEW_TITLE
    revisions_after_submit = article.revisions.count()

    # The reviewer finds it in the one dashboard panel and opens the review screen.
    reviewer = signed_in(foster)
    reviewer.goto("/admin/")
    panel = reviewer.locator("[data-review-panel=awaiting-signoff]")
    assert NEW_TITLE in panel.inner_text()
    assert "Awaiting your review" not in reviewer.content()  # Wagtail's duplicate panel is hidden
    clicks["reviewer"].click(panel.get_by_role("link", name=NEW_TITLE))
    reviewer.wait_for_url(f"**/admin/review/pages/{article.pk}/")
    assert "A clinical sign-off is awaited from you" in reviewer.locator("[data-review-banner]").inner_text()
    diff = reviewer.locator("[data-review-diff]")
    # Only the title changed: the diff names that field alone (the body re-posted by the editor is unchanged).
    assert diff.locator("td.title").all_inner_texts() == ["Title:"]
    assert "Helps" in " ".join(diff.locator(".addition").all_inner_texts())
    assert "Reading grade" in reviewer.locator("[data-reading-level]").inner_text()
    assert reviewer.locator("[data-review-statistics] tbody tr").count() >= 1

    sign_off = reviewer.locator("[data-review-action=approve]")
    clicks["reviewer"].click(sign_off.locator("input[name=attestation]"))
    sign_off.locator("textarea[name=note]").fill("Read in full; the clinical content is accurate.")
    clicks["reviewer"].click(sign_off.get_by_role("button", name="Sign off"))
    reviewer.wait_for_url("**/admin/")
    assert "Signed off and published" in messages_text(reviewer)
    assert "do not have permission" not in reviewer.content()
    assert {seat: counter.count for seat, counter in clicks.items()} == CLICK_BUDGET

    # Live, with no extra revision; the editor's page listing shows it live only (no "+ draft").
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.title == NEW_TITLE and article.live_revision_id != old_live_revision
    assert article.revisions.count() == revisions_after_submit
    editor.goto(f"/admin/pages/{article.get_parent().pk}/")
    status = editor.locator("tr", has_text=NEW_TITLE).locator(".w-status").inner_text().lower()
    assert "live" in status and "draft" not in status

    # The API's byline names exactly the reviewer, signed off today.
    today = timezone.localdate().isoformat()
    data = editor.request.get("/api/v1/articles/iop-for-depression/").json()
    assert data["title"] == NEW_TITLE and data["last_reviewed"] == today
    assert data["byline"]["medical_providers"] == []
    assert [(e["display_name"], e["signed_off"]) for e in data["byline"]["clinical_providers"]] == [
        ("Natalie Foster, LPC-S, MS", today)
    ]
    editor.goto(f"/admin/review/pages/{article.pk}/signoffs/")
    assert editor.locator("[data-byline-clinical]").inner_text() == "Natalie Foster, LPC-S, MS"
    assert "Read in full" in editor.locator("table.listing").inner_text()
