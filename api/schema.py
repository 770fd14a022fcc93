"""drf-spectacular hooks and shared schema helpers."""

from __future__ import annotations

PUBLIC_API_PREFIX = "/api/v1/"


def only_public_api_endpoints(endpoints, **kwargs):
    """Keep only the public v1 endpoints in the OpenAPI document."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith(PUBLIC_API_PREFIX)]
