"""Preview without a frontend: the admin shows the draft's preview JSON; a draft is never shown as reviewed."""

from __future__ import annotations

import json
from html import unescape

import pytest

from api.admin_views import frontend_preview_url
from api.preview import mint_preview_token
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return factories.live_article_with_draft()


def test_without_a_frontend_the_admin_shows_the_preview_json_and_token_url(client, admin_user, article, settings):
    settings.FRONTEND_PREVIEW_URL = ""
    client.force_login(admin_user)
    response = client.get(frontend_preview_url(article))
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/preview/?token=" in html
    shown = json.loads(unescape(html.split("data-preview-json", 1)[1].split(">", 1)[1].split("</pre>", 1)[0]))
    assert shown["title"] == "Draft title"
    assert shown["review_status"] == "draft"
    assert shown["byline"]["medical_providers"] == []  # the live revision's reviewer does not vouch for this draft
    assert "This is a draft" in html


def test_preview_json_of_a_draft_names_no_live_reviewers(api_client, article):
    body = api_client.get("/api/v1/preview/", {"token": mint_preview_token(article, article.get_latest_revision())})
    data = body.json()
    assert data["review_status"] == "draft"
    assert data["byline"]["medical_providers"] == [] and data["byline"]["clinical_providers"] == []
    assert "reviewedBy" not in data["json_ld"]


def test_preview_of_a_draft_signed_off_as_is_names_its_reviewer(api_client, article):
    revision = article.get_latest_revision()
    factories.sign(revision, factories.reviewer("clinical", ("LPC",), name="Natalie Foster", slug="natalie-foster"))
    data = api_client.get("/api/v1/preview/", {"token": mint_preview_token(article, revision)}).json()
    assert data["review_status"] == "draft"
    assert [entry["name"] for entry in data["byline"]["clinical_providers"]] == ["Natalie Foster"]
    assert data["byline"]["medical_providers"] == []


def test_preview_of_the_live_revision_keeps_its_byline(api_client, article):
    data = api_client.get("/api/v1/preview/", {"token": mint_preview_token(article, article.live_revision)}).json()
    assert data["review_status"] != "draft"
    assert [entry["name"] for entry in data["byline"]["medical_providers"]] == ["Michael Vines"]
