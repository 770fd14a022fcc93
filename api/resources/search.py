"""``GET /search/?q=`` — ranked, typed results across articles, clinicians and centers.

Each type is searched through Wagtail's search backend (PostgreSQL full-text search; SQLite FTS5 locally) and
narrowed to its *public* queryset. Raw backend scores are not comparable across types or backends (``ts_rank``
grows with relevance, SQLite's ``bm25`` shrinks), so results are merged on one portable relevance:

    score = 0.75 × (share of the query's words found in the result's headline text: title and summary, name and
                    job title, or name, city and summary)
          + 0.25 / (1 + the result's rank among its type in the backend's full-text ranking)

times a small type weight that prefers articles on ties (they are what readers search for). A word counts as
found when its first five letters start a word of the headline ("depressive" finds "depression").
"""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from providers.models import Provider, TreatmentCenter

from .. import paths
from ..caching import tag_response
from ..errors import InvalidParameter
from ..filters import check_parameters
from ..pagination import StrictPageNumberPagination
from ..search import MAX_QUERY_LENGTH, normalise_query, ranked
from ..serializers import SearchResultSerializer, error_responses

MAX_RESULTS_PER_TYPE = 100
TYPE_BOOST = {"article": 1.0, "provider": 0.95, "center": 0.95}
STEM_LENGTH = 5
WORD = re.compile(r"\w+", re.UNICODE)


def coverage(query_words: list[str], headline: str) -> float:
    """Share of ``query_words`` whose first letters start a word of ``headline``."""
    if not query_words:
        return 0.0
    headline_words = set(WORD.findall(headline.lower()))
    found = sum(1 for word in query_words if any(h.startswith(word[:STEM_LENGTH]) for h in headline_words))
    return found / len(query_words)


def _article(obj: Any) -> dict:
    return {
        "title": obj.title,
        "summary": obj.summary,
        "path": paths.article_path(obj),
        "api_url": paths.article_api_url(obj.slug),
    }


def _provider(obj: Any) -> dict:
    return {
        "title": obj.display_name,
        "summary": obj.job_title,
        "path": paths.provider_path(obj.slug),
        "api_url": paths.provider_api_url(obj.slug),
    }


def _center(obj: Any) -> dict:
    return {
        "title": obj.name,
        "summary": f"{obj.city}, {obj.state}",
        "path": paths.center_path(obj.slug),
        "api_url": paths.center_api_url(obj.slug),
    }


def searches() -> dict[str, tuple]:
    from pages.models import ArticlePage

    return {
        "article": (ArticlePage, None, _article),
        "provider": (
            Provider,
            lambda: Provider.objects.public().prefetch_related("credential_holdings__credential"),
            _provider,
        ),
        "center": (TreatmentCenter, None, _center),
    }


def search_all(text: str, types: list[str]) -> list[dict]:
    results = []
    query_words = [word.lower() for word in WORD.findall(text)]
    for kind in types:
        model, queryset, describe = searches()[kind]
        for position, obj in enumerate(ranked(model, text, MAX_RESULTS_PER_TYPE, queryset() if queryset else None)):
            described = describe(obj)
            headline = " ".join([described["title"], described["summary"] or "", getattr(obj, "city", "")])
            relevance = 0.75 * coverage(query_words, headline) + 0.25 / (1 + position)
            score = round(relevance * TYPE_BOOST[kind], 6)
            results.append({"type": kind, "id": obj.pk, "slug": obj.slug, **described, "score": score})
    results.sort(key=lambda result: (-result["score"], result["type"], result["id"]))
    return results


class SearchView(GenericAPIView):
    pagination_class = StrictPageNumberPagination
    filter_backends: list = []

    @extend_schema(
        operation_id="search_list",
        summary="Ranked search across articles, clinicians and centers",
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, required=True, description=f"Search text (1–{MAX_QUERY_LENGTH} characters)."
            ),
            OpenApiParameter(
                "type", OpenApiTypes.STR, enum=["article", "provider", "center"], description="Only this type."
            ),
        ],
        responses={200: SearchResultSerializer(many=True), **error_responses(400)},
        tags=["search"],
    )
    def get(self, request: Request) -> Response:
        check_parameters(request, {"q", "type", "page", "page_size"})
        raw = request.query_params.get("q")
        if raw is None:
            raise InvalidParameter("q", "'q' is required.")
        if len(raw) > MAX_QUERY_LENGTH:
            raise InvalidParameter("q", f"'q' is longer than {MAX_QUERY_LENGTH} characters.")
        text = normalise_query(raw)
        if not text:
            raise InvalidParameter("q", "'q' is empty.")
        kind = request.query_params.get("type")
        if kind is not None and kind not in TYPE_BOOST:
            raise InvalidParameter("type", "'type' must be article, provider or center.")
        results = search_all(text, [kind] if kind else list(TYPE_BOOST))
        page = self.paginate_queryset(results)
        tag_response(request, ["articles", "providers", "centers", *(f"{r['type']}-{r['id']}" for r in page)])
        return self.get_paginated_response(page)
