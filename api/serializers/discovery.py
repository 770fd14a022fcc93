"""Response components of vocabularies, routes, sitemap and search."""

from __future__ import annotations

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from ..published.registry import KIND_KEYS
from .resources import CREDENTIAL_KINDS

# One choice set for "which kind of public object" (named ContentTypeEnum via ENUM_NAME_OVERRIDES).
CONTENT_TYPE_CHOICES = KIND_KEYS
LISTING_ROUTE_TYPES = ["home", "article_index"]


class VocabularyTermSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField(help_text="Slug; for credentials, the code.")
    name = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    samhsa_code = serializers.CharField(allow_null=True, required=False)
    asam_level = serializers.CharField(allow_null=True, required=False, help_text="Levels of care only.")
    shows_crisis_resources = serializers.BooleanField(required=False, help_text="Topics only.")
    code = serializers.CharField(required=False, help_text="Languages (BCP 47) and credentials (post-nominal).")
    kind = serializers.ChoiceField(choices=CREDENTIAL_KINDS, required=False, help_text="Credentials only.")
    issuer = serializers.CharField(allow_null=True, required=False, help_text="Credentials only.")
    is_age_group = serializers.BooleanField(required=False, help_text="Populations only.")


def _route_type(*names: str) -> serializers.Field:
    """The route union's discriminator, fixed to this variant's values (inline, no shared enum component)."""
    field_class = extend_schema_field({"type": "string", "enum": list(names)})(
        type("RouteTypeField", (serializers.CharField,), {})
    )
    return field_class()


class ContentRouteSerializer(serializers.Serializer):
    type = _route_type(*CONTENT_TYPE_CHOICES)
    slug = serializers.SlugField()
    locale = serializers.CharField(help_text="Language of the content; a locale-prefixed path (/es/…) gives es.")
    path = serializers.CharField(help_text="The canonical frontend path of the object.")
    api_url = serializers.CharField(help_text="The detail endpoint.")


class ListingRouteSerializer(serializers.Serializer):
    type = _route_type(*LISTING_ROUTE_TYPES)
    locale = serializers.CharField(help_text="Locale of the listing (from the path's prefix).")
    path = serializers.CharField(help_text="The frontend path of the home page or article index.")
    api_url = serializers.CharField(help_text="The endpoint listing its articles.")


class RedirectRouteSerializer(serializers.Serializer):
    type = _route_type("redirect")
    redirect_to = serializers.CharField(help_text="Frontend path or absolute URL.")
    permanent = serializers.BooleanField(help_text="301 (true) or 302 (false).")


RouteSerializer = PolymorphicProxySerializer(
    component_name="Route",
    serializers={
        **dict.fromkeys(CONTENT_TYPE_CHOICES, ContentRouteSerializer),
        **dict.fromkeys(LISTING_ROUTE_TYPES, ListingRouteSerializer),
        "redirect": RedirectRouteSerializer,
    },
    resource_type_field_name="type",
)


class AlternateSerializer(serializers.Serializer):
    hreflang = serializers.CharField(help_text="Locale of this language version, e.g. es.")
    href = serializers.URLField(help_text="Absolute frontend URL of this language version.")


class SitemapEntrySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CONTENT_TYPE_CHOICES)
    locale = serializers.CharField(help_text="Language of the content at this URL.")
    path = serializers.CharField()
    loc = serializers.URLField(help_text="Absolute frontend URL.")
    lastmod = serializers.DateField(allow_null=True)
    alternates = AlternateSerializer(
        many=True,
        help_text="Every public language version of a translated article, itself included (hreflang); "
        "empty when there is only one.",
    )


class SitemapSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    urls = SitemapEntrySerializer(many=True)


class SearchResultSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CONTENT_TYPE_CHOICES)
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField(help_text="Article title, clinician display name or center name.")
    summary = serializers.CharField(allow_blank=True)
    path = serializers.CharField()
    api_url = serializers.CharField()
    score = serializers.FloatField(help_text="Relevance; results are sorted by it, best first.")
