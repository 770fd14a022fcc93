"""The OpenAPI document: a committed golden copy that says what the server enforces.

``expected/openapi.yaml`` is the contract frontends generate clients from; a change to it shows up as a diff in
review (regenerate with ``UPDATE_GOLDEN=1``). Responses are validated against it in ``test_schema_conformance``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

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


def test_yaml_golden_is_loadable():
    assert yaml.safe_load(GOLDEN.read_text())["openapi"].startswith("3.")


def test_openapi_3_1_with_single_valued_block_discriminators(schema):
    assert schema["openapi"] == "3.1.0"
    components = schema["components"]["schemas"]
    for name, ref in components["BodyBlock"]["discriminator"]["mapping"].items():
        variant = components[ref.split("/")[-1]]
        assert variant["properties"]["type"]["const"] == name
        assert "type" in variant["required"]


def test_nullable_references_are_one_of_ref_or_null(schema):
    rendered = yaml.safe_dump(schema)
    assert "nullable" not in rendered
    components = schema["components"]["schemas"]
    for component, field in [
        ("ArticleDetail", "hero_image"),
        ("ProviderDetail", "photo"),
        ("Seo", "og_image"),
        ("CallToActionValue", "secondary"),
        ("ProgramSpotlightValue", "action"),
        ("QuoteValue", "provider"),
    ]:
        prop = components[component]["properties"][field]
        assert {"type": "null"} in prop["oneOf"], (component, field)
        assert any("$ref" in option for option in prop["oneOf"]), (component, field)


def _parameter(schema, path: str, name: str) -> dict:
    return next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == name)["schema"]


def test_enforced_parameter_constraints_are_documented(schema):
    assert _parameter(schema, "/api/v1/articles/", "ordering") == {
        "type": "string",
        "enum": ["-first_published", "-last_updated", "-title", "first_published", "last_updated", "title"],
    }
    topic = _parameter(schema, "/api/v1/articles/", "topic")
    assert topic["minLength"] == 1 and topic["pattern"].startswith("^[-a-zA-Z0-9_]")
    assert _parameter(schema, "/api/v1/articles/", "search")["minLength"] == 1
    radius = _parameter(schema, "/api/v1/centers/", "radius_km")
    assert (radius["exclusiveMinimum"], radius["maximum"]) == (0, 500)
    page_size = _parameter(schema, "/api/v1/centers/", "page_size")
    assert (page_size["minimum"], page_size["maximum"]) == (1, 100)
    assert _parameter(schema, "/api/v1/articles/", "page")["minimum"] == 1
    limit = _parameter(schema, "/api/v1/changes/", "limit")
    assert (limit["minimum"], limit["maximum"]) == (1, 500)
    assert _parameter(schema, "/api/v1/articles/{slug}/", "slug")["pattern"] == "^[-a-zA-Z0-9_]{1,200}$"
    assert _parameter(schema, "/api/v1/routes/", "path")["maxLength"] == 500


def test_every_operation_documents_its_errors_with_the_error_body(schema):
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        expected = {"400", "404", "405", "414", "429", "503"} | ({"401", "410"} if "preview" in path else set())
        assert expected <= set(responses), path
        for status in expected:
            assert responses[status]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }, (path, status)
        assert "Retry-After" in responses["429"]["headers"]
