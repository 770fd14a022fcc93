"""Every golden response and a set of live responses validate against the served OpenAPI 3.1 document.

The validator is openapi-core (JSON Schema 2020-12) with undeclared properties forbidden (see
``schema_validation``): nullable references, the body-block union and the error shape are checked exactly as a
strict client would read them.
"""

from __future__ import annotations

import copy
import json

import pytest
from openapi_core.validation.response.exceptions import InvalidData

from tests.factories import every_block_body, image, public_article
from tests.factories.providers import TreatmentCenterFactory

from .golden import EXPECTED
from .schema_validation import denormalise, validate_data, validate_live

pytestmark = pytest.mark.django_db

GOLDEN_PATHS = {
    "article_detail_seed": "/api/v1/articles/iop-for-depression/",
    "article_list": "/api/v1/articles/",
    "center_detail_arizona_iop": "/api/v1/centers/arizona-iop-phoenix/",
    "center_list_near_phoenix": "/api/v1/centers/",
    "provider_detail_spritzer": "/api/v1/providers/alex-spritzer/",
}


def test_every_golden_file_is_covered():
    assert {path.stem for path in EXPECTED.glob("*.json")} == set(GOLDEN_PATHS)


@pytest.mark.parametrize("name", sorted(GOLDEN_PATHS))
def test_golden_responses_conform(name):
    data = denormalise(json.loads((EXPECTED / f"{name}.json").read_text()))
    validate_data(GOLDEN_PATHS[name], data)


@pytest.fixture
def everything(seed):
    center = seed["center"]
    public_article(
        title="Everything",
        slug="everything",
        topics=["depression"],
        hero_image=image("Hero"),
        body=every_block_body(center, seed["providers"]["foster"], seed["support"], image()),
    )
    TreatmentCenterFactory(name="Far", slug="far", languages=["spanish"], payers=["medicaid"])
    return seed


LIVE = [
    "/api/v1/articles/",
    "/api/v1/articles/?ordering=title&page_size=1",
    "/api/v1/articles/iop-for-depression/",
    "/api/v1/articles/everything/",
    "/api/v1/providers/",
    "/api/v1/providers/michael-vines/",
    "/api/v1/providers/alex-spritzer/",
    "/api/v1/centers/?near=33.5,-112.07&radius_km=500",
    "/api/v1/centers/arizona-iop-phoenix/",
    "/api/v1/centers/far/",
    "/api/v1/topics/",
    "/api/v1/vocabularies/levels-of-care/",
    "/api/v1/vocabularies/languages/",
    "/api/v1/vocabularies/credentials/",
    "/api/v1/routes/?path=/resources/everything/",
    "/api/v1/routes/?path=/resources/",
    "/api/v1/routes/?path=/",
    "/api/v1/routes/?path=/providers/natalie-foster/",
    "/api/v1/sitemap/",
    "/api/v1/search/?q=depression",
    "/api/v1/changes/",
]
ERRORS = [
    ("/api/v1/articles/?page=0", 400),
    ("/api/v1/articles/?ordering=title,-title", 400),
    ("/api/v1/articles/?topic=", 400),
    ("/api/v1/centers/?near=1,1&radius_km=501", 400),
    ("/api/v1/articles/nope/", 404),
    ("/api/v1/routes/?path=/nowhere/", 404),
    ("/api/v1/preview/?token=bad", 401),
]


@pytest.mark.parametrize("url", LIVE)
def test_live_responses_conform(everything, api_client, url):
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    validate_live(response)


@pytest.mark.parametrize(("url", "status"), ERRORS)
def test_error_responses_conform(everything, api_client, url, status):
    response = api_client.get(url)
    assert response.status_code == status, response.content
    validate_live(response)


def test_a_post_is_a_documented_405(db, api_client):
    response = api_client.post("/api/v1/articles/", {})
    assert response.status_code == 405
    assert response.json()["error"]["status"] == 405


def test_the_conformance_check_can_fail(everything, api_client):
    data = api_client.get("/api/v1/articles/everything/").json()
    path = "/api/v1/articles/everything/"
    validate_data(path, data)
    with pytest.raises(InvalidData):
        validate_data(path, {**data, "owner": "someone"})  # undeclared property
    wrong_level = copy.deepcopy(data)
    wrong_level["body"][0]["value"] = {"text": "x", "level": 5, "anchor": "x"}  # level must be 2 or 3
    with pytest.raises(InvalidData):
        validate_data(path, wrong_level)
    unknown_block = copy.deepcopy(data)
    unknown_block["body"][0]["type"] = "script"
    with pytest.raises(InvalidData):
        validate_data(path, unknown_block)
    mislabelled = copy.deepcopy(data)  # a paragraph's string value under another variant's type
    paragraph = next(block for block in mislabelled["body"] if block["type"] == "paragraph")
    paragraph["type"] = "statistic"
    with pytest.raises(InvalidData):
        validate_data(path, mislabelled)
    no_hero = {**data, "hero_image": None}
    validate_data(path, no_hero)  # nullable reference: null is valid
    with pytest.raises(InvalidData):
        validate_data(path, {**data, "hero_image": "none"})
