"""Response components of vocabularies, routes, sitemap and search."""

from __future__ import annotations

from rest_framework import serializers

from ..published.registry import KIND_KEYS
from .resources import CREDENTIAL_KINDS

# One choice set for "which kind of public object" (named ContentTypeEnum via ENUM_NAME_OVERRIDES).
CONTENT_TYPE_CHOICES = KIND_KEYS


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


class RouteSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[*KIND_KEYS, "redirect"])
    slug = serializers.SlugField(required=False)
    path = serializers.CharField(required=False, help_text="The canonical frontend path of the object.")
    api_url = serializers.CharField(required=False)
    redirect_to = serializers.CharField(required=False, help_text="Frontend path or absolute URL (redirects only).")
    permanent = serializers.BooleanField(required=False, help_text="Redirects only: 301 (true) or 302 (false).")


class SitemapEntrySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=CONTENT_TYPE_CHOICES)
    path = serializers.CharField()
    loc = serializers.URLField(help_text="Absolute frontend URL.")
    lastmod = serializers.DateField(allow_null=True)


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
