"""Clinicians, centers, vocabulary terms and crisis lines per locale in the API: Spanish text with a per-field
fallback to English, English unchanged, and stored rows rebuilt when a translation row changes."""

from __future__ import annotations

import pytest

from providers.models import (
    LevelOfCare,
    LevelOfCareTranslation,
    ProviderTranslation,
    Topic,
    TopicTranslation,
    TreatmentCenterTranslation,
)
from tests import factories
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory
from tests.factories.translations import locale, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def vines(medical_reviewer):
    provider = medical_reviewer.provider
    provider.job_title, provider.bio = "Medical Director", "<p>Oversees medical care.</p>"
    provider.save_revision().publish()
    return provider


@pytest.fixture
def spanish_article(medical_reviewer, spanish_clinical_reviewer):
    source = factories.public_article(
        [medical_reviewer], title="IOP", slug="iop", topics=["depression"], levels_of_care=["intensive-outpatient"]
    )
    spanish = translate(source, "es")
    spanish.title = "TIP"
    spanish.save_revision()
    return factories.publish(spanish, [spanish_clinical_reviewer])


def test_clinician_text_per_field_in_spanish_and_unchanged_in_english(api_client, vines):
    ProviderTranslation.objects.create(provider=vines, locale=locale("es"), bio="<p>Supervisa la atención.</p>")
    es = api_client.get(f"/api/v1/providers/{vines.slug}/", {"locale": "es"})
    assert es["Content-Language"] == "es"
    data = es.json()
    assert (data["bio"], data["job_title"]) == ("<p>Supervisa la atención.</p>", "Medical Director")  # fallback
    assert data["display_name"] == vines.display_name and data["json_ld"]["mainEntityOfPage"]["inLanguage"] == "es"
    listed = api_client.get("/api/v1/providers/", {"locale": "es"}).json()["results"]
    assert [item["slug"] for item in listed] == [vines.slug]  # one object, not a copy per language
    en = api_client.get(f"/api/v1/providers/{vines.slug}/").json()
    assert en["bio"] == "<p>Oversees medical care.</p>" and en["json_ld"]["mainEntityOfPage"]["inLanguage"] == "en"


def test_editing_a_spanish_bio_changes_the_spanish_profile_on_the_next_read_and_not_the_english(api_client, vines):
    url = f"/api/v1/providers/{vines.slug}/"
    english_etag = api_client.get(url)["ETag"]
    ProviderTranslation.objects.create(provider=vines, locale=locale("es"), bio="<p>Primera versión.</p>")
    assert api_client.get(url, {"locale": "es"}).json()["bio"] == "<p>Primera versión.</p>"
    row = vines.translations.get()
    row.bio = "<p>Segunda versión.</p>"
    row.save()
    assert api_client.get(url, {"locale": "es"}).json()["bio"] == "<p>Segunda versión.</p>"
    assert api_client.get(url)["ETag"] == english_etag


def test_a_spanish_term_label_reaches_the_spanish_article_that_embeds_it_and_not_the_english(
    api_client, spanish_article
):
    depression = Topic.objects.get(slug="depression")
    english = api_client.get("/api/v1/articles/iop/").json()
    TopicTranslation.objects.create(term=depression, locale=locale("es"), name="Depresión")
    es = api_client.get("/api/v1/articles/iop/", {"locale": "es"}).json()
    assert es["topics"] == [{"slug": "depression", "name": "Depresión"}]
    assert es["json_ld"]["about"] == [{"@type": "MedicalCondition", "name": "Depresión"}]
    assert api_client.get("/api/v1/articles/iop/").json() == english
    level = LevelOfCare.objects.get(slug="intensive-outpatient")
    row = LevelOfCareTranslation.objects.create(term=level, locale=locale("es"), name="Ambulatorio intensivo")
    assert api_client.get("/api/v1/articles/iop/", {"locale": "es"}).json()["levels_of_care"][0]["name"] == (
        "Ambulatorio intensivo"
    )
    row.delete()
    assert api_client.get("/api/v1/articles/iop/", {"locale": "es"}).json()["levels_of_care"][0]["name"] == level.name


def test_the_spanish_article_shows_the_988_spanish_option(api_client, spanish_article):
    (lifeline,) = api_client.get("/api/v1/articles/iop/", {"locale": "es"}).json()["crisis_resources"]
    assert lifeline["name"] == "988 Línea de Prevención del Suicidio y Crisis"
    assert (lifeline["call"], lifeline["call_option"], lifeline["text"], lifeline["text_keyword"]) == (
        "988",
        "2",
        "988",
        "AYUDA",
    )
    assert lifeline["chat_url"] == "https://988lineadevida.org/" and "marque 2" in lifeline["how_to_reach"]
    (english,) = api_client.get("/api/v1/articles/iop/").json()["crisis_resources"]
    assert (english["name"], english["call_option"], english["text_keyword"]) == (
        "988 Suicide & Crisis Lifeline",
        None,
        None,
    )


def test_center_description_terms_and_programs_in_spanish(api_client):
    center = TreatmentCenterFactory(
        name="Camelback", slug="camelback", summary="Outpatient care.", programs=["intensive-outpatient"],
        services=["dbt"],
    )  # fmt: skip
    TreatmentCenterTranslation.objects.create(center=center, locale=locale("es"), summary="Atención ambulatoria.")
    level = LevelOfCare.objects.get(slug="intensive-outpatient")
    LevelOfCareTranslation.objects.create(term=level, locale=locale("es"), name="Ambulatorio intensivo")
    es = api_client.get("/api/v1/centers/camelback/", {"locale": "es"}).json()
    assert es["summary"] == "Atención ambulatoria."
    assert es["programs"][0]["level_of_care"]["name"] == "Ambulatorio intensivo"
    assert es["levels_of_care"][0]["name"] == "Ambulatorio intensivo"
    assert es["services"] == [{"slug": "dbt", "name": "Dialectical behavior therapy"}]  # no Spanish label yet
    summary = api_client.get("/api/v1/centers/", {"locale": "es"}).json()["results"][0]
    assert summary["summary"] == "Atención ambulatoria."
    en = api_client.get("/api/v1/centers/camelback/").json()
    assert (en["summary"], en["programs"][0]["level_of_care"]["name"]) == ("Outpatient care.", level.name)


def test_vocabularies_in_spanish_fall_back_per_field(api_client):
    term = Topic.objects.get(slug="anxiety")
    TopicTranslation.objects.create(term=term, locale=locale("es"), name="Ansiedad")
    response = api_client.get("/api/v1/vocabularies/topics/", {"locale": "es", "page_size": 100})
    assert response["Content-Language"] == "es"
    terms = {item["slug"]: item for item in response.json()["results"]}
    assert (terms["anxiety"]["name"], terms["anxiety"]["description"]) == ("Ansiedad", term.description)
    assert terms["depression"]["name"] == "Depression"
    english = api_client.get("/api/v1/vocabularies/topics/", {"page_size": 100}).json()["results"]
    assert {item["slug"]: item["name"] for item in english}["anxiety"] == "Anxiety"


def test_a_spanish_route_to_a_clinician_points_at_the_spanish_representation(api_client):
    ProviderFactory(slug="ana-ruiz", name="Ana Ruiz", credentials=["LPC"])
    route = api_client.get("/api/v1/routes/", {"path": "/es/providers/ana-ruiz/"}).json()
    assert (route["type"], route["locale"]) == ("provider", "es")
    assert route["api_url"] == "/api/v1/providers/ana-ruiz/?locale=es"
