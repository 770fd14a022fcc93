"""Translations of clinicians, centers, vocabulary terms and crisis lines, posted through their snippet forms
("Translations" inline): one object in every language, its reader-facing text per locale."""

from __future__ import annotations

import pytest
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from providers.models import CrisisResource, Provider, ProviderTranslation, Topic, TreatmentCenter

from .helpers import admin_url, center_form_data, provider_form_data

pytestmark = pytest.mark.django_db


def spanish() -> int:
    return Locale.objects.get(language_code="es").pk


def test_a_clinician_published_with_a_spanish_row_serves_it_with_english_fallback(admin_client, api_client):
    row = {"locale": spanish(), "job_title": "", "bio": rich_text("<p>Ayuda a adultos con depresión.</p>")}
    data = provider_form_data(translations=inline_formset([row]), **{"action-publish": "action-publish"})
    response = admin_client.post(admin_url(Provider, "add"), data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    provider = Provider.objects.get(slug="natalie-foster")
    (translation,) = provider.translations.all()
    assert translation.locale.language_code == "es" and "Ayuda a adultos" in translation.bio
    es = api_client.get("/api/v1/providers/natalie-foster/", {"locale": "es"}).json()
    assert "Ayuda a adultos con depresión." in es["bio"]
    assert es["job_title"] == "Clinical Director"  # blank in Spanish: the English text
    en = api_client.get("/api/v1/providers/natalie-foster/").json()
    assert "Helps adults with depression." in en["bio"] and "Ayuda" not in en["bio"]


def test_a_translation_in_the_original_language_is_refused_on_its_field(admin_client):
    english = Locale.objects.get(language_code="en").pk
    row = {"locale": english, "job_title": "Director", "bio": rich_text("")}
    response = admin_client.post(admin_url(Provider, "add"), provider_form_data(translations=inline_formset([row])))
    assert response.status_code == 200
    errors = response.context["form"].formsets["translations"].forms[0].errors
    assert "original language" in str(errors["locale"])


def test_two_rows_for_one_language_are_refused(admin_client):
    rows = [{"locale": spanish(), "job_title": title, "bio": rich_text("")} for title in ("Uno", "Dos")]
    response = admin_client.post(admin_url(Provider, "add"), provider_form_data(translations=inline_formset(rows)))
    assert response.status_code == 200
    assert not ProviderTranslation.objects.exists()
    formset = response.context["form"].formsets["translations"]
    assert formset.non_form_errors() or any(form.errors for form in formset.forms)


def test_a_center_description_in_spanish(admin_client, api_client):
    row = {"locale": spanish(), "summary": "Atención ambulatoria."}
    data = center_form_data(translations=inline_formset([row]), **{"action-publish": "action-publish"})
    assert admin_client.post(admin_url(TreatmentCenter, "add"), data).status_code == 302
    es = api_client.get("/api/v1/centers/camelback-recovery/", {"locale": "es"}).json()
    assert (es["summary"], es["name"]) == ("Atención ambulatoria.", "Camelback Recovery")
    assert api_client.get("/api/v1/centers/camelback-recovery/").json()["summary"] == "Outpatient care."


def test_a_topic_label_in_spanish_with_its_description_falling_back(admin_client, api_client):
    topic = Topic.objects.get(slug="anxiety")
    topic.description = "Worry that gets in the way."
    topic.save()
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "samhsa_code": "",
        "description": topic.description,
        "sort_order": str(topic.sort_order),
        **nested_form_data(
            {"translations": inline_formset([{"locale": spanish(), "name": "Ansiedad", "description": ""}])}
        ),
    }
    assert admin_client.post(admin_url(Topic, "edit", topic.pk), data).status_code == 302
    terms = {
        t["slug"]: t for t in api_client.get("/api/v1/topics/", {"locale": "es", "page_size": 100}).json()["results"]
    }
    assert (terms["anxiety"]["name"], terms["anxiety"]["description"]) == ("Ansiedad", "Worry that gets in the way.")
    assert terms["depression"]["name"] == "Depression"  # no Spanish row: the English label
    english = {t["slug"]: t["name"] for t in api_client.get("/api/v1/topics/", {"page_size": 100}).json()["results"]}
    assert english["anxiety"] == "Anxiety"


def test_the_988_line_keeps_its_spanish_option_when_published_from_its_form(admin_client):
    lifeline = CrisisResource.objects.get(name="988 Suicide & Crisis Lifeline")
    (row,) = lifeline.translations.all()
    assert (row.locale.language_code, row.call_option, row.text_keyword) == ("es", "2", "AYUDA")
    form = admin_client.get(admin_url(CrisisResource, "edit", lifeline.pk)).context["form"]
    assert form.formsets["translations"].forms[0].initial["text_keyword"] == "AYUDA"
