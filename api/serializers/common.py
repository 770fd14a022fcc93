"""Schema components shared by every resource (documentation only: views build plain dicts).

These serializers describe the JSON the representations build; ``tests/api/test_schema_conformance.py``
validates real responses against the generated schema so the two cannot drift apart.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(min_value=400, max_value=599, help_text="The HTTP status, repeated.")
    code = serializers.CharField(help_text="Machine-readable: invalid_parameter, not_found, method_not_allowed…")
    message = serializers.CharField()
    parameter = serializers.CharField(required=False, help_text="The query parameter at fault, when there is one.")


class ErrorSerializer(serializers.Serializer):
    """The one error shape of the API (400, 401, 404, 405, 410, 414, 429, 500, 503)."""

    error = ErrorDetailSerializer()


ERROR_DESCRIPTIONS = {
    400: "Unknown, repeated, empty or malformed parameter; the error names it.",
    404: "Not found. Hidden content answers exactly like content that does not exist.",
}


def error_responses(*codes: int) -> dict[int, OpenApiResponse]:
    return {code: OpenApiResponse(ErrorSerializer, description=ERROR_DESCRIPTIONS.get(code, "")) for code in codes}


class TermSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class LevelOfCareSerializer(TermSerializer):
    samhsa_code = serializers.CharField(allow_null=True)
    asam_level = serializers.CharField(allow_null=True)


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    """Allowlisted renditions (a name is absent only if its source file could not be rendered)."""

    thumbnail = RenditionSerializer(required=False, help_text="fill-400x300")
    medium = RenditionSerializer(required=False, help_text="max-800x800")
    large = RenditionSerializer(required=False, help_text="max-1600x1600")


class FocalPointSerializer(serializers.Serializer):
    """In pixels of the original image: centre ``x``/``y`` and the size of the area of interest."""

    x = serializers.IntegerField(min_value=0)
    y = serializers.IntegerField(min_value=0)
    width = serializers.IntegerField(min_value=0)
    height = serializers.IntegerField(min_value=0)


class ImageSerializer(serializers.Serializer):
    url = serializers.URLField(help_text="Absolute URL of the original file.")
    width = serializers.IntegerField()
    height = serializers.IntegerField()
    alt = serializers.CharField(allow_blank=True, help_text="Empty for decorative images.")
    focal_point = FocalPointSerializer(allow_null=True, help_text="The editor's centre of interest, if set.")
    renditions = RenditionsSerializer()


class CenterReferenceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    city = serializers.CharField()
    state = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path, e.g. /locations/<slug>/.")


class ProviderReferenceSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    display_name = serializers.CharField()
    path = serializers.CharField(help_text="Frontend path, e.g. /providers/<slug>/.")


class JsonLdField(serializers.DictField):
    """schema.org JSON-LD, ready to embed in a ``<script type="application/ld+json">``."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("child", serializers.JSONField())
        kwargs.setdefault("help_text", "schema.org JSON-LD.")
        super().__init__(**kwargs)
