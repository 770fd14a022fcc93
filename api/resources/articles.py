"""``GET /articles/`` and ``GET /articles/{slug}/`` — clinically reviewed articles."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from ..filters import ArticleFilterSet
from ..serializers import ArticleDetailSerializer, ArticleSummarySerializer, error_responses
from .base import PublicDetailView, PublicListView


@extend_schema_view(
    get=extend_schema(
        operation_id="articles_list",
        summary="Article summaries",
        description="Public articles (live, reviewed, signed off), newest update first.",
        responses={200: ArticleSummarySerializer(many=True), **error_responses(400)},
        tags=["articles"],
    )
)
class ArticleListView(PublicListView):
    kind = "article"
    filterset_class = ArticleFilterSet


@extend_schema_view(
    get=extend_schema(
        operation_id="articles_retrieve",
        summary="One article with its full body",
        responses={200: ArticleDetailSerializer, **error_responses(400, 404)},
        tags=["articles"],
    )
)
class ArticleDetailView(PublicDetailView):
    """``slug`` is unique among siblings only; on a clash the article earliest in the tree wins (its path is
    the canonical one the sitemap and routes give for it)."""

    kind = "article"
