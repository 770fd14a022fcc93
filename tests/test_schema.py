"""OpenAPI document and its docs page."""

import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_schema_builds_and_validates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))
    assert "openapi: 3" in out.read_text()


def test_schema_endpoint_serves_openapi(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")


def test_docs_page_loads_its_assets_locally(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, "the docs page references its JavaScript and CSS"
    for asset in assets:
        assert not asset.startswith(("http://", "https://", "//")), f"docs asset from a CDN: {asset}"
    assert any("swagger-ui" in asset for asset in assets)
