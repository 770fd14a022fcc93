"""The admin's "View live" links lead to the page on the frontend (the CMS host answers 404 for every page URL,
P13), and are not offered when no frontend base URL is configured."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from pages.models import ArticlePage
from tests import factories
from tests.factories.pages import site_home

pytestmark = pytest.mark.django_db

FRONTEND = "https://frontend.example.org"


@pytest.fixture
def article(settings) -> ArticlePage:
    settings.FRONTEND_BASE_URL = FRONTEND
    factories.article_index()
    site_home()
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    return factories.published_article(reviewer, title="Live article", slug="live-article")


@pytest.fixture
def admin(client, admin_user):
    client.force_login(admin_user)
    return client


def links_to(html: str, slug: str) -> set[str]:
    """Every href in the admin page that points at the article's public path, on any host."""
    return set(re.findall(rf'href="([^"]*/resources/{slug}/)"', html))


def page_listing(admin, article: ArticlePage) -> str:
    return admin.get(reverse("wagtailadmin_explore", args=(article.get_parent().pk,))).content.decode()


def edit_view(admin, article: ArticlePage) -> str:
    return admin.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()


def test_view_live_in_the_page_listing_goes_to_the_frontend(admin, article, api_client):
    html = page_listing(admin, article)
    assert "View live" in html
    assert links_to(html, article.slug) == {f"{FRONTEND}/resources/live-article/"}
    # The frontend path is the one the API hands out and resolves.
    assert api_client.get(f"/api/v1/articles/{article.slug}/").json()["path"] == "/resources/live-article/"
    assert api_client.get("/api/v1/routes/", {"path": "/resources/live-article/"}).status_code == 200


def test_the_live_tag_in_the_edit_header_goes_to_the_frontend(admin, article):
    assert links_to(edit_view(admin, article), article.slug) == {f"{FRONTEND}/resources/live-article/"}


def test_every_page_kind_links_to_its_frontend_path(article):
    index, home = article.get_parent().specific, article.get_parent().get_parent().specific
    assert [page.url for page in (article, index, home)] == [
        f"{FRONTEND}/resources/live-article/",
        f"{FRONTEND}/resources/",
        f"{FRONTEND}/",
    ]
    assert article.full_url == article.url
    assert article.get_url_parts()[2] == "/resources/live-article/"


def test_without_a_frontend_there_is_no_view_live_link(admin, article, settings):
    settings.FRONTEND_BASE_URL = ""
    listing, edit = page_listing(admin, article), edit_view(admin, article)
    assert "View live" not in listing
    assert links_to(listing, article.slug) == set() and links_to(edit, article.slug) == set()
    assert article.url is None and article.full_url is None
    assert article.get_site() is not None  # still knows its site (previews, permissions)
