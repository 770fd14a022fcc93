"""Vocabulary admin (topics, levels of care, services, payers, populations, languages, credentials)."""

from __future__ import annotations

import pytest

from providers.models import Credential, Language, LevelOfCare, Payer, Population, Service, Topic

from .helpers import admin_url, no_translations

pytestmark = pytest.mark.django_db

VOCABULARIES = [Topic, LevelOfCare, Service, Payer, Population, Language, Credential]


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda model: model.__name__)
def test_listing_add_and_edit_answer(admin_client, model):
    assert admin_client.get(admin_url(model, "list")).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    term = model.objects.order_by("pk").first()
    assert admin_client.get(admin_url(model, "edit", term.pk)).status_code == 200


def test_levels_of_care_list_their_codes(admin_client):
    html = admin_client.get(admin_url(LevelOfCare, "list")).content.decode()
    assert "Intensive outpatient (IOP)" in html
    assert "OIT" in html and "2.1" in html


def test_seeded_terms_are_searchable_without_an_index_rebuild(admin_client):
    response = admin_client.get(admin_url(Service, "list"), {"q": "dialectical"})
    assert [term.slug for term in response.context["object_list"]] == ["dbt"]
    response = admin_client.get(admin_url(Credential, "list"), {"q": "CARN"})
    assert [credential.code for credential in response.context["object_list"]] == ["CARN-AP"]


def test_topics_filter_on_crisis_flag(admin_client):
    response = admin_client.get(admin_url(Topic, "list"), {"shows_crisis_resources": "true"})
    slugs = {topic.slug for topic in response.context["object_list"]}
    assert "depression" in slugs and "anxiety" not in slugs


def test_credentials_filter_on_kind(admin_client):
    response = admin_client.get(admin_url(Credential, "list"), {"kind": "certification"})
    kinds = {credential.kind for credential in response.context["object_list"]}
    assert kinds == {"certification"}


def test_create_a_service(admin_client):
    data = {"name": "Art therapy", "slug": "art-therapy", "samhsa_code": "", "description": "", "sort_order": "200"}
    data.update(no_translations())
    response = admin_client.post(admin_url(Service, "add"), data)
    assert response.status_code == 302
    assert Service.objects.filter(slug="art-therapy").exists()


def test_bad_language_code_is_refused(admin_client):
    data = {
        "name": "Navajo",
        "slug": "navajo",
        "code": "Navajo!",
        "samhsa_code": "",
        "description": "",
        "sort_order": "0",
        **no_translations(),
    }
    response = admin_client.post(admin_url(Language, "add"), data)
    assert response.status_code == 200
    assert "BCP 47" in str(response.context["form"].errors["code"])
