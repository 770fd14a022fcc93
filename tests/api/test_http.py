"""HEAD/OPTIONS on every resource, and the cache tags each response reports (what a CDN purges)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(shared_seed):
    """Every test here reads the seed: built once for the module (tests/api/conftest.py)."""
    return shared_seed


URLS = [
    "/api/v1/articles/",
    "/api/v1/articles/iop-for-depression/",
    "/api/v1/providers/",
    "/api/v1/providers/natalie-foster/",
    "/api/v1/centers/",
    "/api/v1/centers/arizona-iop-phoenix/",
    "/api/v1/topics/",
    "/api/v1/vocabularies/payers/",
    "/api/v1/routes/?path=/resources/iop-for-depression/",
    "/api/v1/sitemap/",
    "/api/v1/search/?q=depression",
]


@pytest.mark.parametrize("url", URLS)
def test_head_and_options_answer_without_a_body_or_an_error(seed, api_client, url):
    head = api_client.head(url)
    assert head.status_code == 200
    assert head.content == b""
    options = api_client.options(url)
    assert options.status_code == 200
    assert options["Content-Type"].startswith("application/json")
    assert api_client.post(url).status_code == 405


def tags(response) -> set[str]:
    return set(response["Cache-Tag"].split())


def test_article_detail_is_tagged_with_everything_it_shows(seed, api_client):
    response = api_client.get("/api/v1/articles/iop-for-depression/")
    article, support, center = seed["article"], seed["support"], seed["center"]
    providers = seed["providers"].values()
    expected = {
        f"article-{article.pk}",
        f"article-{support.pk}",  # linked from the body
        f"center-{center.pk}",
        f"topic-{seed['topic'].pk}",
        "vocabularies",
        *(f"provider-{provider.pk}" for provider in providers),  # the byline
    }
    assert expected <= tags(response)


def test_lists_carry_their_list_tag_and_item_tags(seed, api_client):
    articles = tags(api_client.get("/api/v1/articles/"))
    assert {"articles", f"article-{seed['article'].pk}", f"article-{seed['support'].pk}"} <= articles
    assert {"providers", f"provider-{seed['providers']['foster'].pk}"} <= tags(api_client.get("/api/v1/providers/"))
    assert {"centers", f"center-{seed['center'].pk}"} <= tags(api_client.get("/api/v1/centers/"))
    assert "vocabularies" in tags(api_client.get("/api/v1/topics/"))
    assert {"articles", "providers", "centers"} <= tags(api_client.get("/api/v1/sitemap/"))


def test_clinician_detail_is_tagged_with_centers_and_reviewed_articles(seed, api_client):
    found = tags(api_client.get("/api/v1/providers/michael-vines/"))
    assert {
        f"provider-{seed['providers']['vines'].pk}",
        f"center-{seed['center'].pk}",
        f"article-{seed['article'].pk}",
        f"article-{seed['support'].pk}",
    } <= found
