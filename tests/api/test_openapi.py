"""The OpenAPI document: a committed golden copy, and real responses validated against it.

``expected/openapi.yaml`` is the contract frontends generate clients from; a change to it shows up as a diff in
review (regenerate with ``UPDATE_GOLDEN=1``). Every response shape the tests produce is validated against the
generated schema with undocumented properties forbidden, so the schema and the representations cannot drift.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import jsonschema
import pytest
import yaml
from django.core.management import call_command

from tests.factories import every_block_body, image, public_article
from tests.factories.providers import TreatmentCenterFactory

pytestmark = pytest.mark.django_db

GOLDEN = Path(__file__).parent / "expected" / "openapi.yaml"


@pytest.fixture(scope="module")
def schema(django_db_blocker) -> dict:
    with django_db_blocker.unblock():
        from drf_spectacular.generators import SchemaGenerator

        return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_matches_golden(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(out.read_text())
    assert out.read_text() == GOLDEN.read_text(), "OpenAPI changed: review, then regenerate with UPDATE_GOLDEN=1"


def test_schema_documents_every_public_resource_and_the_error_shape(schema):
    paths = schema["paths"]
    for path in [
        "/api/v1/articles/", "/api/v1/articles/{slug}/", "/api/v1/providers/", "/api/v1/providers/{slug}/",
        "/api/v1/centers/", "/api/v1/centers/{slug}/", "/api/v1/topics/", "/api/v1/vocabularies/{kind}/",
        "/api/v1/routes/", "/api/v1/sitemap/", "/api/v1/search/",
    ]:  # fmt: skip
        assert path in paths, path
    components = schema["components"]["schemas"]
    assert set(components["Error"]["properties"]) == {"error"}
    detail = paths["/api/v1/articles/{slug}/"]["get"]["responses"]
    assert detail["404"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"
    body = components["ArticleDetail"]["properties"]["body"]
    union = components[body["items"]["$ref"].split("/")[-1]]
    assert set(union["discriminator"]["mapping"]) == {
        "heading", "paragraph", "list", "call_to_action", "statistic", "treatment_centers", "program_spotlight",
        "faq", "quote", "image",
    }  # fmt: skip
    parameters = {p["name"] for p in paths["/api/v1/centers/"]["get"]["parameters"]}
    assert {"near", "radius_km", "page", "page_size", "state", "accepting_new_patients"} <= parameters


def _json_schema(node, components: dict):
    """OpenAPI 3.0 → JSON Schema: nullable, discriminated unions, and no undocumented properties."""
    if isinstance(node, list):
        return [_json_schema(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _json_schema(value, components) for key, value in node.items()}
    if "$ref" in node:
        return {"$ref": "#/definitions/" + node["$ref"].split("/")[-1]}
    if node.get("discriminator", {}).get("mapping"):
        prop = node["discriminator"]["propertyName"]
        mapping = node["discriminator"]["mapping"]
        return {
            "type": "object",
            "required": [prop],
            "properties": {prop: {"enum": sorted(mapping)}},
            "allOf": [
                {"if": {"properties": {prop: {"const": key}}}, "then": {"$ref": "#/definitions/" + ref.split("/")[-1]}}
                for key, ref in mapping.items()
            ],
        }
    if node.get("type") == "object" and "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    for key in ("readOnly", "writeOnly", "example", "examples", "format"):
        if isinstance(node, dict) and not isinstance(node.get(key), dict):
            node.pop(key, None)
    return node


def validate(schema: dict, path: str, data) -> None:
    components = schema["components"]["schemas"]
    definitions = {name: _json_schema(copy.deepcopy(value), components) for name, value in components.items()}
    response = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    document = {"definitions": definitions, **_json_schema(copy.deepcopy(response), components)}
    jsonschema.validate(data, document, cls=jsonschema.Draft7Validator)


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


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/v1/articles/", "/api/v1/articles/"),
        ("/api/v1/articles/iop-for-depression/", "/api/v1/articles/{slug}/"),
        ("/api/v1/articles/everything/", "/api/v1/articles/{slug}/"),
        ("/api/v1/providers/", "/api/v1/providers/"),
        ("/api/v1/providers/michael-vines/", "/api/v1/providers/{slug}/"),
        ("/api/v1/centers/?near=33.5,-112.07", "/api/v1/centers/"),
        ("/api/v1/centers/arizona-iop-phoenix/", "/api/v1/centers/{slug}/"),
        ("/api/v1/centers/far/", "/api/v1/centers/{slug}/"),
        ("/api/v1/topics/", "/api/v1/topics/"),
        ("/api/v1/vocabularies/levels-of-care/", "/api/v1/vocabularies/{kind}/"),
        ("/api/v1/vocabularies/languages/", "/api/v1/vocabularies/{kind}/"),
        ("/api/v1/vocabularies/credentials/", "/api/v1/vocabularies/{kind}/"),
        ("/api/v1/routes/?path=/resources/everything/", "/api/v1/routes/"),
        ("/api/v1/sitemap/", "/api/v1/sitemap/"),
        ("/api/v1/search/?q=depression", "/api/v1/search/"),
    ],
)
def test_responses_conform_to_the_schema(everything, api_client, schema, url, path):
    response = api_client.get(url)
    assert response.status_code == 200, response.content
    validate(schema, path, response.json())


def test_errors_conform_to_the_error_component(db, api_client, schema):
    components = schema["components"]["schemas"]
    definitions = {name: _json_schema(copy.deepcopy(value), components) for name, value in components.items()}
    for url in ("/api/v1/articles/?page=0", "/api/v1/articles/nope/", "/api/v1/nowhere/"):
        jsonschema.validate(
            api_client.get(url).json(),
            {"definitions": definitions, "$ref": "#/definitions/Error"},
            cls=jsonschema.Draft7Validator,
        )


def test_yaml_golden_is_loadable():
    assert yaml.safe_load(GOLDEN.read_text())["openapi"].startswith("3.")


def test_the_conformance_check_can_fail(everything, api_client, schema):
    data = api_client.get("/api/v1/articles/everything/").json()
    undocumented = {**data, "owner": "someone"}
    with pytest.raises(jsonschema.ValidationError):
        validate(schema, "/api/v1/articles/{slug}/", undocumented)
    wrong_block = copy.deepcopy(data)
    wrong_block["body"][0]["value"] = {"text": "x", "level": 5, "anchor": "x"}  # level must be 2 or 3
    with pytest.raises(jsonschema.ValidationError):
        validate(schema, "/api/v1/articles/{slug}/", wrong_block)
    unknown_block = copy.deepcopy(data)
    unknown_block["body"][0]["type"] = "script"
    with pytest.raises(jsonschema.ValidationError):
        validate(schema, "/api/v1/articles/{slug}/", unknown_block)
