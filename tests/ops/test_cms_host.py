"""P13: the CMS host serves no public pages, and its answer for a page URL reveals nothing about what exists."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.models import ArticlePage
from tests import factories
from tests.factories.pages import site_home

pytestmark = pytest.mark.django_db


@pytest.fixture
def medical_reviewer(db):
    return factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")


def cms_path(page) -> str:
    """Where Wagtail would serve the page on the CMS host (its path below the site root; ``page.url`` is the
    page's frontend URL)."""
    return page.get_url_parts()[2]


@pytest.fixture
def page_urls(medical_reviewer) -> dict[str, str]:
    factories.article_index()
    site_home()  # the default Site serves the home page, as in a real install
    live = factories.published_article(medical_reviewer, title="Live article")
    draft = factories.draft_article(title="Draft article")
    expired = factories.published_article(medical_reviewer, title="Expired article")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - datetime.timedelta(hours=1))
    unsigned = factories.draft_article(title="Unsigned article")
    ArticlePage.objects.filter(pk=unsigned.pk).update(live=True, live_revision=unsigned.get_latest_revision())
    restricted = factories.published_article(medical_reviewer, title="Restricted article")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="secret")
    urls = {
        name: cms_path(ArticlePage.objects.get(pk=page.pk))
        for name, page in {
            "live": live,
            "draft": draft,
            "expired": expired,
            "unsigned": unsigned,
            "restricted": restricted,
        }.items()
    }
    index_url = cms_path(live.get_parent().specific)
    urls.update(unknown=f"{index_url}no-such-article/", index=index_url, home="/")
    assert all(url.startswith("/") and url.endswith("/") for url in urls.values()), urls
    return urls


def answer(client, url: str) -> tuple[int, str, bytes, str | None]:
    response = client.get(url)
    return response.status_code, response["Content-Type"], response.content, response.get("Location")


def test_every_page_url_gets_the_same_404(client, page_urls):
    answers = {name: answer(client, url) for name, url in page_urls.items()}
    assert answers["unknown"][0] == 404
    assert all(value == answers["unknown"] for value in answers.values()), answers


def test_wagtails_password_form_for_restricted_pages_is_gone(client, page_urls):
    assert client.get("/_util/login/").status_code == 404
    assert b"password" not in client.get(page_urls["restricted"]).content.lower()


def test_admin_api_docs_and_health_still_answer(client, page_urls):
    assert client.get("/healthz").status_code == 200
    assert client.get("/api/v1/").status_code == 200
    assert client.get("/api/v1/docs/").status_code == 200
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/admin").status_code == 301  # APPEND_SLASH still works


def test_unknown_api_urls_stay_json(client):
    response = client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
