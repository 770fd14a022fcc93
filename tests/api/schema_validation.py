"""Validate responses against the served OpenAPI 3.1 document with openapi-core, strictly.

Strict: every object schema that declares ``properties`` gets ``additionalProperties: false`` (unless it says
otherwise), so a field the server sends but the schema does not declare fails, as it would for a client
generated with closed types. The public document itself stays open to additive changes.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from django.conf import settings
from openapi_core import OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.testing import MockRequest, MockResponse


def closed(node: Any) -> Any:
    if isinstance(node, list):
        return [closed(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: closed(value) for key, value in node.items()}
    if "properties" in node and "additionalProperties" not in node:
        node["additionalProperties"] = False
    return node


@cache
def strict_spec() -> OpenAPI:
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    schema = SchemaGenerator().get_schema(request=None, public=True)
    document = json.loads(OpenApiJsonRenderer().render(schema))
    document["components"]["schemas"] = closed(document["components"]["schemas"])
    return OpenAPI.from_dict(copy.deepcopy(document))


def validate_live(response) -> None:
    """A Django test-client response (its request included) against the operation it answered."""
    strict_spec().validate_response(DjangoOpenAPIRequest(response.wsgi_request), DjangoOpenAPIResponse(response))


def validate_data(path: str, data: Any, status: int = 200, query: dict | None = None) -> None:
    """Response ``data`` (already parsed JSON) for ``GET path`` against the schema."""
    request = MockRequest("http://testserver", "get", path, args=query or {})
    response = MockResponse(json.dumps(data).encode(), status_code=status)
    strict_spec().validate_response(request, response)


# Golden files are normalised (tests/api/golden.py); put back values of the right type before validating.
PLACEHOLDERS = {
    "<id>": 1,
    "<date>": "2025-01-01",
    "<calendar>": "current",
    "<uuid>": "00000000-0000-4000-8000-000000000000",
}


def denormalise(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: denormalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [denormalise(item) for item in value]
    if isinstance(value, str):
        if value in PLACEHOLDERS:
            return PLACEHOLDERS[value]
        return value.replace("<frontend>", settings.FRONTEND_BASE_URL).replace("<media>", settings.MEDIA_BASE_URL)
    return value
