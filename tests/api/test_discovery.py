"""Routes (frontend paths and Wagtail redirects), sitemap and ranked search."""

from __future__ import annotations

import pytest
from wagtail.contrib.redirects.models import Redirect

from tests.factories import draft_article, public_article
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(shared_seed):
    """Every test here reads the seed: built once for the module (tests/api/conftest.py)."""
    return shared_seed


def route(client, path: str):
    return client.get("/api/v1/routes/", {"path": path})


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/resources/iop-for-depression/", {"type": "article", "slug": "iop-for-depression"}),
        ("/resources/iop-for-depression", {"type": "article", "slug": "iop-for-depression"}),
        ("/providers/natalie-foster/", {"type": "provider", "slug": "natalie-foster"}),
        ("/locations/arizona-iop-phoenix/", {"type": "center", "slug": "arizona-iop-phoenix"}),
    ],
)
def test_routes_resolve_frontend_paths(seed, api_client, path, expected):
    response = route(api_client, path)
    assert response.status_code == 200
    data = response.json()
    assert {key: data[key] for key in expected} == expected
    assert api_client.get(data["api_url"]).status_code == 200


@pytest.mark.parametrize(
    "path", ["/resources/nope/", "/providers/", "/locations/x/y/", "/iop-for-depression/", "/nope/"]
)
def test_unknown_paths_are_404(seed, api_client, path):
    assert route(api_client, path).status_code == 404


def test_redirect_to_a_public_page_is_resolved_without_a_round_trip(seed, api_client):
    Redirect.objects.create(
        old_path=Redirect.normalise_path("/old-iop/"), redirect_page=seed["article"], is_permanent=True
    )
    response = route(api_client, "/old-iop/")
    assert response.status_code == 200
    assert response.json() == {"type": "redirect", "redirect_to": "/resources/iop-for-depression/", "permanent": True}


def test_redirect_to_a_link(seed, api_client):
    Redirect.objects.create(old_path="/get-help", redirect_link="https://988lifeline.org/", is_permanent=False)
    Redirect.objects.create(old_path="/start", redirect_link="https://www.example.com/get-started/", is_permanent=True)
    assert route(api_client, "/get-help/").json() == {
        "type": "redirect",
        "redirect_to": "https://988lifeline.org/",
        "permanent": False,
    }
    assert route(api_client, "/start/").json()["redirect_to"] == "/get-started/"


def test_redirect_to_a_hidden_page_or_an_unsafe_link_is_404(seed, api_client):
    draft = draft_article(title="Hidden target", slug="hidden-target")
    Redirect.objects.create(old_path="/to-draft", redirect_page=draft)
    Redirect.objects.create(old_path="/to-script", redirect_link="javascript:alert(1)")
    assert route(api_client, "/to-draft/").status_code == 404
    assert route(api_client, "/to-script/").status_code == 404


def test_content_wins_over_a_redirect_for_the_same_path(seed, api_client):
    Redirect.objects.create(old_path="/resources/iop-for-depression", redirect_link="https://elsewhere.test/")
    assert route(api_client, "/resources/iop-for-depression/").json()["type"] == "article"


def test_sitemap_lists_every_public_url_with_lastmod(seed, api_client):
    draft_article(title="Unlisted", slug="unlisted")
    ProviderFactory(name="Draft Person", slug="draft-person", draft=True)
    TreatmentCenterFactory(name="Draft Place", slug="draft-place", draft=True)
    data = api_client.get("/api/v1/sitemap/").json()
    by_path = {entry["path"]: entry for entry in data["urls"]}
    assert data["count"] == len(data["urls"]) == 6  # 2 articles, 3 clinicians, 1 center
    assert by_path["/resources/iop-for-depression/"] == {
        "type": "article",
        "locale": "en",
        "path": "/resources/iop-for-depression/",
        "loc": "https://www.example.com/resources/iop-for-depression/",
        "lastmod": "2025-12-22",
        "alternates": [],  # no public translation
    }
    assert "/providers/alex-spritzer/" in by_path
    assert "/locations/arizona-iop-phoenix/" in by_path
    assert not any("unlisted" in p or "draft-" in p for p in by_path)
    assert all(entry["loc"].startswith("https://www.example.com/") for entry in data["urls"])


def test_search_ranks_the_seed_article_first(seed, api_client):
    public_article(title="Anxiety basics", slug="anxiety-basics", summary="What anxiety is and how therapy helps.")
    public_article(
        title="Outpatient options", slug="outpatient-options", summary="Outpatient care for many conditions."
    )
    response = api_client.get("/api/v1/search/", {"q": "intensive outpatient depression"})
    assert response.status_code == 200
    results = response.json()["results"]
    assert results[0]["type"] == "article"
    assert results[0]["slug"] == "iop-for-depression"
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


def test_search_results_are_typed_and_filterable(seed, api_client):
    results = api_client.get("/api/v1/search/", {"q": "Arizona"}).json()["results"]
    assert {r["type"] for r in results} >= {"center"}
    providers = api_client.get("/api/v1/search/", {"q": "Vines", "type": "provider"}).json()["results"]
    assert [r["slug"] for r in providers] == ["michael-vines"]
    assert providers[0]["title"] == "Dr. Michael Vines, MD"
    assert providers[0]["path"] == "/providers/michael-vines/"


def test_search_never_finds_hidden_content(seed, api_client):
    draft_article(title="Quokka draft", slug="quokka-draft")
    ProviderFactory(name="Quokka Person", slug="quokka-person", draft=True)
    TreatmentCenterFactory(name="Quokka Place", slug="quokka-place", draft=True)
    assert api_client.get("/api/v1/search/", {"q": "Quokka"}).json()["count"] == 0


def test_search_ranks_a_bounded_number_of_candidates_the_most_recently_updated(seed, api_client, settings):
    """Bounded work per request: only SEARCH_CANDIDATES matches per type are ranked, the newest first."""
    from api.published.models import StoredRepresentation

    for number in range(3):
        public_article(title=f"Quokka care {number}", slug=f"quokka-care-{number}", summary="Quokka quokka.")
    newest = list(
        StoredRepresentation.objects.filter(kind="article", slug__startswith="quokka-care-")
        .order_by("-last_updated", "-object_id")
        .values_list("slug", flat=True)
    )
    settings.SEARCH_CANDIDATES = 2

    found = [r["slug"] for r in api_client.get("/api/v1/search/", {"q": "quokka", "type": "article"}).json()["results"]]

    assert sorted(found) == sorted(newest[:2])


@pytest.mark.parametrize("url", ["/api/v1/search/?q=depression&page=99", "/api/v1/articles/?page=99"])
def test_a_page_past_the_end_is_a_400_naming_the_last_page(seed, api_client, url):
    """Search results are paginated in Python, lists in SQL: both refuse a page past the end the same way."""
    response = api_client.get(url)
    assert response.status_code == 400
    assert "the last page is 1" in response.content.decode()
