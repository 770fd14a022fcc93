"""JSON-LD read as linked data: expanded with pyld against a local copy of the schema.org context (no network).

The context file (``data/schemaorg-context.jsonld``) maps terms into ``http://schema.org/`` with the type
coercions of the published context for the properties Verity uses; any other remote document is refused, so a
test can never depend on the network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings
from pyld import jsonld

pytestmark = pytest.mark.django_db

SCHEMA = "http://schema.org/"
CONTEXT = json.loads((Path(__file__).parent / "data" / "schemaorg-context.jsonld").read_text())


def local_loader(url: str, options: dict | None = None) -> dict:
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise jsonld.JsonLdError(f"Refusing to fetch {url} in tests", "jsonld.LoadDocumentError")
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


def expand(document: dict) -> list[dict]:
    return jsonld.expand(document, {"documentLoader": local_loader})


def nodes(document: dict) -> dict[str, dict]:
    """Flattened graph: node id (or a blank node id) -> node."""
    flat = jsonld.flatten(document, None, {"documentLoader": local_loader})
    return {node["@id"]: node for node in flat}


def values(node: dict, term: str) -> list:
    return [item.get("@value", item.get("@id")) for item in node.get(SCHEMA + term, [])]


@pytest.fixture
def organization(settings):
    settings.ORGANIZATION_NAME = "Verity Health"
    settings.ORGANIZATION_URL = "https://www.verity.example/"
    settings.ORGANIZATION_LOGO_URL = "https://www.verity.example/logo.png"


def test_unknown_remote_contexts_are_never_fetched():
    with pytest.raises(jsonld.JsonLdError):
        expand({"@context": "https://example.com/context.jsonld", "name": "x"})


def test_article_json_ld_expands_with_organization_reviewers_citations_image_and_language(
    seed, api_client, organization
):
    article = api_client.get("/api/v1/articles/iop-for-depression/").json()
    graph = nodes(article["json_ld"])
    page = graph[article["json_ld"]["@id"]]
    assert page["@type"] == [SCHEMA + "MedicalWebPage"]
    assert values(page, "inLanguage") == ["en"]

    main = graph[values(page, "mainEntity")[0]]
    assert main["@type"] == [SCHEMA + "Article"]
    publisher = graph[values(main, "publisher")[0]]
    assert publisher["@id"] == "https://www.verity.example/#organization"
    assert values(publisher, "name") == ["Verity Health"]
    assert values(publisher, "url") == ["https://www.verity.example/"]
    logo = graph[values(publisher, "logo")[0]]
    assert values(logo, "url") == ["https://www.verity.example/logo.png"]
    assert values(main, "author") == [publisher["@id"]]  # no named author: the organization

    citations = [graph[ref] for ref in values(main, "citation")]
    assert [(c["@type"], values(c, "name")) for c in citations] == [([SCHEMA + "CreativeWork"], ["Major Depression"])]
    image = graph[values(main, "image")[0]]
    assert image["@type"] == [SCHEMA + "ImageObject"]
    assert values(image, "width") == [1600]
    assert values(main, "dateModified") == ["2025-12-22"]

    reviewers = {graph[ref]["@id"]: graph[ref] for ref in values(page, "reviewedBy")}
    vines = reviewers[f"{settings.FRONTEND_BASE_URL}/providers/michael-vines/#person"]
    assert values(vines, "name") == ["Michael Vines"]  # no post-nominals in the name
    assert values(vines, "honorificSuffix") == ["MD"]
    assert values(vines, "honorificPrefix") == ["Dr."]
    assert values(reviewers[f"{settings.FRONTEND_BASE_URL}/providers/alex-spritzer/#person"], "honorificSuffix") == [
        "FNP, CARN-AP, PMHNP"
    ]


def test_a_reviewer_is_the_same_person_as_on_their_profile(seed, api_client):
    article = api_client.get("/api/v1/articles/iop-for-depression/").json()["json_ld"]
    profile = api_client.get("/api/v1/providers/alex-spritzer/").json()["json_ld"]
    merged = nodes({"@context": "https://schema.org", "@graph": [article, profile]})
    person = merged[profile["@id"]]
    assert person["@type"] == [SCHEMA + "Person"]
    # The profile's credentials and the article's review land on one node.
    assert values(person, "honorificSuffix") == ["FNP, CARN-AP, PMHNP"]
    assert len(values(person, "hasCredential")) == 3
    page = next(node for node in merged.values() if SCHEMA + "reviewedBy" in node)
    assert profile["@id"] in values(page, "reviewedBy")
    profile_page = merged[values(person, "mainEntityOfPage")[0]]
    assert profile_page["@type"] == [SCHEMA + "ProfilePage"]


def test_center_json_ld_has_contacts_and_accreditations(seed, api_client):
    center = api_client.get("/api/v1/centers/arizona-iop-phoenix/").json()["json_ld"]
    graph = nodes(center)
    clinic = graph[center["@id"]]
    contact_types = sorted(values(graph[ref], "contactType")[0] for ref in values(clinic, "contactPoint"))
    assert contact_types == ["admissions", "general"]
    accreditation = graph[values(clinic, "hasCredential")[0]]
    assert values(graph[values(accreditation, "recognizedBy")[0]], "name") == ["The Joint Commission"]
