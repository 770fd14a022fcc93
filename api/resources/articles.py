"""``GET /articles/`` and ``GET /articles/{slug}/`` — clinically reviewed articles."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from ..caching import tag_response
from ..filters import ArticleFilterSet
from ..representations.articles import (
    ARTICLE_SELECT_RELATED,
    represent_article_detail,
    represent_article_summaries,
)
from ..serializers import ArticleDetailSerializer, ArticleSummarySerializer, error_responses
from .base import PublicDetailView, PublicListView


def article_queryset():
    from pages.review.visibility import public_articles

    return public_articles().select_related(*ARTICLE_SELECT_RELATED)


class ArticleListView(PublicListView):
    filterset_class = ArticleFilterSet
    list_tag = "articles"

    def get_queryset(self):
        return article_queryset()

    def represent(self, objects, request):
        # Which articles match these filters depends on clinicians' and centers' published state too.
        params = request.query_params
        tag_response(
            request, [*(["providers"] if "provider" in params else []), *(["centers"] if "center" in params else [])]
        )
        return represent_article_summaries(objects, request)

    @extend_schema(
        operation_id="articles_list",
        summary="Article summaries",
        description="Public articles (live, reviewed, signed off), newest update first.",
        responses={200: ArticleSummarySerializer(many=True), **error_responses(400)},
        tags=["articles"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ArticleDetailView(PublicDetailView):
    """``slug`` is unique among siblings only; on a clash the article earliest in the tree wins (its path is
    the canonical one the sitemap and routes give for it)."""

    slug_tiebreak = ("path",)

    def get_queryset(self):
        return article_queryset()

    def represent(self, obj, request):
        return represent_article_detail(obj, request, prefetched=True)

    @extend_schema(
        operation_id="articles_retrieve",
        summary="One article with its full body",
        responses={200: ArticleDetailSerializer, **error_responses(400, 404)},
        tags=["articles"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
