"""The demo's Spanish translation of the seed article: its own page, signed off by a Spanish-reading reviewer."""

from __future__ import annotations

import pytest

from demo import article_es, snippets_es
from pages.models import ArticlePage
from pages.review.translations import translation_status

pytestmark = pytest.mark.django_db


def test_make_run_shows_the_seed_article_in_both_languages(demo, api_client):
    english = api_client.get("/api/v1/articles/iop-for-depression/").json()
    assert [item["locale"] for item in english["translations"]] == ["es"]

    response = api_client.get(english["translations"][0]["api_url"])
    assert response.status_code == 200 and response["Content-Language"] == "es"
    spanish = response.json()
    assert (spanish["title"], spanish["path"]) == (article_es.TITLE, "/es/resources/iop-for-depression/")
    assert [entry["name"] for entry in spanish["byline"]["clinical_providers"]] == ["Natalie Foster"]
    assert spanish["byline"]["medical_providers"] == []
    assert spanish["last_reviewed"] == "2026-01-15" != english["last_reviewed"]
    assert "Nuestros centros de tratamiento" in str(spanish["body"])
    route = api_client.get("/api/v1/routes/", {"path": "/es/resources/iop-for-depression/"}).json()
    assert route["api_url"] == english["translations"][0]["api_url"]


def test_the_translation_follows_the_seed_articles_live_revision(demo):
    spanish = ArticlePage.objects.get(locale__language_code="es", slug="iop-for-depression")
    status = translation_status(spanish)
    english = ArticlePage.objects.get(locale__language_code="en", slug="iop-for-depression")
    assert status.followed_revision_id == english.live_revision_id and not status.out_of_date


def test_the_spanish_article_embeds_spanish_clinicians_centers_labels_and_the_988_spanish_option(demo, api_client):
    spanish = api_client.get("/api/v1/articles/iop-for-depression/", {"locale": "es"}).json()
    assert [topic["name"] for topic in spanish["topics"]] == ["Depresión"]
    assert [level["name"] for level in spanish["levels_of_care"]] == ["Programa ambulatorio intensivo (IOP)"]
    (lifeline,) = spanish["crisis_resources"]
    assert (lifeline["call"], lifeline["call_option"], lifeline["text"], lifeline["text_keyword"]) == (
        "988",
        "2",
        "988",
        "AYUDA",
    )
    assert lifeline["chat_url"] == "https://988lineadevida.org/"
    english = api_client.get("/api/v1/articles/iop-for-depression/").json()
    assert english["topics"][0]["name"] == "Depression" and english["crisis_resources"][0]["call_option"] is None

    foster = api_client.get("/api/v1/providers/natalie-foster/", {"locale": "es"}).json()
    assert foster["job_title"] == snippets_es.CLINICIANS["natalie-foster"]["job_title"]
    assert "dirige nuestros programas" in foster["bio"]
    assert foster["display_name"] == "Natalie Foster, LPC-S, MS"  # the name and credentials are the clinician's
    center = api_client.get("/api/v1/centers/arizona-iop-phoenix-sample/", {"locale": "es"}).json()
    assert center["summary"] == snippets_es.center_summary("Phoenix")
    assert "Terapia de grupo" in [service["name"] for service in center["services"]]
    assert center["programs"][0]["level_of_care"]["name"] == "Programa ambulatorio intensivo (IOP)"
