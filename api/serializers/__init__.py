"""OpenAPI components for the public API (the views build plain dicts; these describe them)."""

from .blocks import BLOCK_SERIALIZERS, BodyBlockSerializer
from .common import ErrorSerializer, ImageSerializer, error_responses
from .discovery import RouteSerializer, SearchResultSerializer, SitemapSerializer, VocabularyTermSerializer
from .resources import (
    ArticleDetailSerializer,
    ArticleSummarySerializer,
    CenterDetailSerializer,
    CenterSummarySerializer,
    ProviderDetailSerializer,
    ProviderSummarySerializer,
)

__all__ = [
    "BLOCK_SERIALIZERS",
    "ArticleDetailSerializer",
    "ArticleSummarySerializer",
    "BodyBlockSerializer",
    "CenterDetailSerializer",
    "CenterSummarySerializer",
    "ErrorSerializer",
    "ImageSerializer",
    "ProviderDetailSerializer",
    "ProviderSummarySerializer",
    "RouteSerializer",
    "SearchResultSerializer",
    "SitemapSerializer",
    "VocabularyTermSerializer",
    "error_responses",
]
