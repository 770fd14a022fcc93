"""Preview without a frontend, from the editor's seat: "Preview on frontend" opens a page in the admin.

With ``FRONTEND_PREVIEW_URL`` unset (the development default) the editor sees the draft's preview JSON, the token
URL to hand to a frontend, and that the draft is not clinically reviewed; the token URL answers with that JSON.
"""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_preview_on_frontend_without_a_frontend_shows_the_draft_json_and_token_url(signed_in, settings):
    settings.FRONTEND_PREVIEW_URL = ""
    vines = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    article = factories.published_article(vines, title="Live title", text="Live text.")
    factories.edit(article, title="Draft title", text="Draft text, not yet reviewed.")

    editor = signed_in(factories.editor())
    editor.goto(f"/admin/pages/{article.pk}/edit/")
    editor.locator("header").get_by_role("button", name="Actions").click()  # the header's "…" menu
    with editor.context.expect_page() as opened:  # the button opens a new tab, as it would for a frontend
        editor.locator("header").get_by_role("link", name="Preview on frontend").click()
    preview = opened.value
    preview.wait_for_load_state()

    assert preview.url.startswith(editor.url.split("/admin/")[0] + "/admin/frontend-preview/")
    shown = preview.locator("[data-frontend-preview]")
    assert "FRONTEND_PREVIEW_URL" in shown.inner_text()
    assert "This is a draft: it is not clinically reviewed" in preview.locator("[data-preview-draft]").inner_text()
    assert preview.locator("[data-preview-review-status]").inner_text() == "draft"
    assert preview.get_by_role("heading", name="Draft title").is_visible()
    data = json.loads(preview.locator("[data-preview-json]").inner_text())
    assert data["title"] == "Draft title" and data["review_status"] == "draft"
    assert data["byline"]["medical_providers"] == []  # Dr. Vines signed the live text, not this draft

    token_url = preview.locator("[data-preview-api-url]").inner_text()
    assert "/api/v1/preview/?token=" in token_url
    token = preview.locator("[data-preview-token]").inner_text()
    assert token in unquote(token_url)
    answer = preview.request.get(token_url)  # what a frontend gets with the token
    assert answer.ok and answer.json()["review_status"] == "draft" and answer.json()["title"] == "Draft title"
