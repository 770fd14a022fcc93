"""Transport hardening (X2): JSON is never sniffed as HTML and the browsable API is off outside development."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_api_responses_forbid_content_sniffing(client):
    response = client.get("/api/v1/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_browsable_api_is_off_outside_development(client):
    renderers = settings.REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"]
    assert renderers == ["rest_framework.renderers.JSONRenderer"]
    response = client.get("/api/v1/", HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert response["Content-Type"] == "application/json"
    assert b"<html" not in response.content.lower()
