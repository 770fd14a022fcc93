"""The API per locale: ``?locale=``, ``Content-Language``, translations on detail, hreflang alternates in the
sitemap, locale-prefixed routes and search — and the P rows per locale: an unsigned translation never appears
while its source is live, and a live translation stays while its source is withdrawn."""

from __future__ import annotations

import pytest

from pages.models import ArticlePage
from tests import factories
from tests.factories.translations import translate

pytestmark = pytest.mark.django_db

EN_PATH, ES_PATH = "/resources/iop-for-depression/", "/es/resources/iop-for-depression/"
ES_API = "/api/v1/articles/iop-for-depression/?locale=es"


@pytest.fixture
def source(medical_reviewer):
    return factories.public_article(
        [medical_reviewer], title="IOP for depression", slug="iop-for-depression", body=factories.body("Group care.")
    )


@pytest.fixture
def spanish_draft(source):
    spanish = translate(source, "es")
    spanish.title = "TIP para la depresión"
    spanish.summary = "Qué esperar de un programa intensivo."
    spanish.body = factories.body("Los pacientes trataron la depresión en grupo.")
    spanish.save_revision()
    return spanish  # the translated words live in the revision (and this object), not yet in the page row


@pytest.fixture
def spanish(spanish_draft, spanish_clinical_reviewer):
    return factories.publish(spanish_draft, [spanish_clinical_reviewer])


def slugs_and_paths(response) -> list[tuple[str, str, str]]:
    return [(item["locale"], item["slug"], item["path"]) for item in response.json()["results"]]


def test_lists_serve_one_locale_with_content_language(api_client, spanish):
    default = api_client.get("/api/v1/articles/")
    assert slugs_and_paths(default) == [("en", "iop-for-depression", EN_PATH)]
    assert default["Content-Language"] == "en" and "Accept" in default["Vary"]

    es = api_client.get("/api/v1/articles/", {"locale": "es"})
    assert es.status_code == 200
    assert slugs_and_paths(es) == [("es", "iop-for-depression", ES_PATH)]
    assert es["Content-Language"] == "es"
    assert es.json()["results"][0]["api_url"] == ES_API

    providers = api_client.get("/api/v1/providers/", {"locale": "es"})
    assert providers.status_code == 200 and providers["Content-Language"] == "es"  # text per field, English fallback


@pytest.mark.parametrize("url", ["/api/v1/articles/", "/api/v1/articles/iop-for-depression/", "/api/v1/search/?q=x"])
def test_unknown_locale_is_a_400_naming_the_allowed_ones(api_client, source, url):
    response = api_client.get(url, {"locale": "fr"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["parameter"] == "locale" and "Allowed: en, es" in error["message"]


def test_detail_lists_its_translations_both_ways(api_client, spanish):
    english = api_client.get("/api/v1/articles/iop-for-depression/")
    assert english["Content-Language"] == "en"
    assert english.json()["translations"] == [{"locale": "es", "path": ES_PATH, "api_url": ES_API}]

    es = api_client.get(ES_API)
    assert es.status_code == 200 and es["Content-Language"] == "es"
    data = es.json()
    assert (data["locale"], data["title"], data["path"]) == ("es", "TIP para la depresión", ES_PATH)
    assert data["translations"] == [
        {"locale": "en", "path": EN_PATH, "api_url": "/api/v1/articles/iop-for-depression/"}
    ]
    assert data["json_ld"]["inLanguage"] == "es"
    assert [entry["name"] for entry in data["byline"]["clinical_providers"]] == ["Lucía Ortega"]
    assert data["byline"]["medical_providers"] == []  # the source's reviewer did not sign the translation


def test_an_unsigned_translation_never_appears_while_its_source_is_live(api_client, spanish_draft):
    assert api_client.get("/api/v1/articles/", {"locale": "es"}).json()["count"] == 0
    assert api_client.get(ES_API).status_code == 404
    assert api_client.get("/api/v1/articles/iop-for-depression/").json()["translations"] == []
    assert api_client.get("/api/v1/routes/", {"path": ES_PATH}).status_code == 404
    sitemap = api_client.get("/api/v1/sitemap/").json()["urls"]
    assert ES_PATH not in [entry["path"] for entry in sitemap]
    assert api_client.get("/api/v1/search/", {"q": "depresión", "locale": "es"}).json()["count"] == 0


def test_a_live_translation_stays_when_its_source_is_withdrawn(api_client, spanish, source):
    ArticlePage.objects.get(pk=source.pk).unpublish()
    assert api_client.get("/api/v1/articles/").json()["count"] == 0
    assert api_client.get("/api/v1/articles/iop-for-depression/").status_code == 404
    es = api_client.get(ES_API).json()
    assert es["translations"] == []  # the withdrawn source is not offered as an alternative
    assert slugs_and_paths(api_client.get("/api/v1/articles/", {"locale": "es"})) == [
        ("es", "iop-for-depression", ES_PATH)
    ]


def test_sitemap_carries_hreflang_alternates(api_client, spanish):
    urls = {entry["path"]: entry for entry in api_client.get("/api/v1/sitemap/").json()["urls"]}
    alternates = [
        {"hreflang": "en", "href": f"https://www.example.com{EN_PATH}"},
        {"hreflang": "es", "href": f"https://www.example.com{ES_PATH}"},
    ]
    assert urls[EN_PATH]["locale"] == "en" and urls[EN_PATH]["alternates"] == alternates
    assert urls[ES_PATH]["locale"] == "es" and urls[ES_PATH]["alternates"] == alternates


def test_routes_resolve_locale_prefixed_paths(api_client, spanish):
    article = api_client.get("/api/v1/routes/", {"path": ES_PATH})
    assert article.status_code == 200
    assert article.json() == {
        "type": "article",
        "slug": "iop-for-depression",
        "locale": "es",
        "path": ES_PATH,
        "api_url": ES_API,
    }
    home = api_client.get("/api/v1/routes/", {"path": "/es/"}).json()
    assert home == {"type": "home", "locale": "es", "path": "/es/", "api_url": "/api/v1/articles/?locale=es"}
    index = api_client.get("/api/v1/routes/", {"path": "/es/resources/"}).json()
    assert index["type"] == "article_index" and index["api_url"] == "/api/v1/articles/?locale=es"
    assert api_client.get("/api/v1/routes/", {"path": EN_PATH}).json()["locale"] == "en"


def test_search_is_per_locale(api_client, spanish):
    es = api_client.get("/api/v1/search/", {"q": "depresión", "locale": "es", "type": "article"})
    assert es["Content-Language"] == "es"
    assert [(r["title"], r["api_url"]) for r in es.json()["results"]] == [("TIP para la depresión", ES_API)]
    english = api_client.get("/api/v1/search/", {"q": "depresión", "type": "article"}).json()
    assert "TIP para la depresión" not in [result["title"] for result in english["results"]]
    listed = api_client.get("/api/v1/articles/", {"search": "depresión", "locale": "es"})
    assert [item["title"] for item in listed.json()["results"]] == ["TIP para la depresión"]


@pytest.mark.postgres
def test_postgres_search_stems_spanish(api_client, spanish):
    """'tratar' and 'trataron' share the Spanish stem 'trat' (the English stemmer keeps them apart)."""
    found = api_client.get("/api/v1/search/", {"q": "tratar", "locale": "es", "type": "article"}).json()
    assert [result["title"] for result in found["results"]] == ["TIP para la depresión"]
