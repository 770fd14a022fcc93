"""Django REST framework and drf-spectacular configuration (kept out of base.py)."""

from __future__ import annotations

from .env import env_bool

BROWSABLE_API = env_bool("API_BROWSABLE", False)

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + (["rest_framework.renderers.BrowsableAPIRenderer"] if BROWSABLE_API else []),
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JSONFallbackNegotiation",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # Rate limiting happens once for every /api/ request, cached or not, in api.middleware (API_THROTTLE_RATE).
    "DEFAULT_THROTTLE_CLASSES": [],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Verity content API",
    "DESCRIPTION": (
        "Read-only JSON API for clinically reviewed articles, clinician profiles and treatment-center "
        "listings. Every response carries ETag, Last-Modified and Cache-Tag headers; errors share one shape."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Only the public content API is documented; Wagtail's internal admin API is not part of the contract.
    "PREPROCESSING_HOOKS": ["api.schema.only_public_api_endpoints"],
    # OpenAPI 3.1: nullable references and single-valued discriminators that generated clients understand.
    "OAS_VERSION": "3.1.0",
    # Constraints the filters enforce, and the errors (request guard included) every operation can answer.
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_constraints",
    ],
    # "article"/"provider"/"center" is one enum wherever it appears (search, sitemap, change feed).
    "ENUM_NAME_OVERRIDES": {
        "ContentTypeEnum": "api.serializers.discovery.CONTENT_TYPE_CHOICES",
        "CredentialKindEnum": "api.serializers.resources.CREDENTIAL_KINDS",
        "LicenseKindEnum": "api.serializers.resources.LICENSE_KINDS",
    },
}
