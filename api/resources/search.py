"""``GET /search/?q=`` — ranked, typed results across articles, clinicians and centers.

Each type is searched in the full-text document of its stored rows (PostgreSQL full-text search; SQLite FTS5
locally), public at read time only. Raw scores are not comparable across types or backends (``ts_rank`` grows
with relevance, SQLite's ``bm25`` shrinks), so results are merged on one portable relevance:

    score = 0.75 × (share of the query's words found in the result's headline text: title and summary, name and
                    job title, or name, city and summary)
          + 0.25 / (1 + the result's rank among its type in the full-text ranking)

times a small type weight that prefers articles on ties (they are what readers search for). A word counts as
found when its first five letters start a word of the headline ("depressive" finds "depression").
"""

from __future__ import annotations

import json
import re

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from .. import locales
from ..caching import tag_response
from ..errors import InvalidParameter
from ..filters import check_parameters
from ..pagination import StrictPageNumberPagination
from ..published.models import StoredRepresentation
from ..published.registry import BY_KEY, KIND_KEYS
from ..search import MAX_QUERY_LENGTH, normalise_query, ranked
from ..serializers import SearchResultSerializer, error_responses

MAX_RESULTS_PER_TYPE = 100
STEM_LENGTH = 5
WORD = re.compile(r"\w+", re.UNICODE)


def coverage(query_words: list[str], headline: str) -> float:
    """Share of ``query_words`` whose first letters start a word of ``headline``."""
    if not query_words:
        return 0.0
    headline_words = set(WORD.findall(headline.lower()))
    found = sum(1 for word in query_words if any(h.startswith(word[:STEM_LENGTH]) for h in headline_words))
    return found / len(query_words)


def search_all(text: str, types: list[str], locale: str | None = None) -> list[dict]:
    results = []
    query_words = [word.lower() for word in WORD.findall(text)]
    for key in types:
        kind = BY_KEY[key]
        for position, row in enumerate(ranked(key, text, MAX_RESULTS_PER_TYPE, locale)):
            summary = json.loads(bytes(row.summary_json))
            described = {**kind.search_result(summary), "path": summary["path"], "api_url": summary["api_url"]}
            city = summary.get("address", {}).get("city", "") if key == "center" else ""
            headline = " ".join([described["title"], described["summary"] or "", city])
            relevance = 0.75 * coverage(query_words, headline) + 0.25 / (1 + position)
            score = round(relevance * kind.search_boost, 6)
            results.append({"type": key, "id": row.object_id, "slug": row.slug, **described, "score": score})
    results.sort(key=lambda result: (-result["score"], result["type"], result["id"]))
    return results


@extend_schema_view(
    get=extend_schema(
        operation_id="search_list",
        summary="Ranked search across articles, clinicians and centers",
        parameters=[
            OpenApiParameter(
                "q", OpenApiTypes.STR, required=True, description=f"Search text (1–{MAX_QUERY_LENGTH} characters)."
            ),
            OpenApiParameter("type", OpenApiTypes.STR, enum=KIND_KEYS, description="Only this type."),
        ],
        responses={200: SearchResultSerializer(many=True), **error_responses(400)},
        tags=["search"],
    )
)
class SearchView(GenericAPIView):
    # Not ``serves_stored_rows``: ranking is many rows' work, not one lookup, so the response store keeps the
    # result (api.caching.middleware), served only while PostgreSQL confirms no tag it shows or lists moved,
    # and no article appeared or expired by the clock since.
    pagination_class = StrictPageNumberPagination
    filter_backends: list = []

    def get_queryset(self):
        # Results are merged across kinds in Python; the browsable API (dev) only needs an empty queryset.
        return StoredRepresentation.objects.none()

    def get(self, request: Request) -> Response:
        check_parameters(request, {"q", "type", "page", "page_size", locales.PARAMETER})
        locale = locales.requested(request)
        raw = request.query_params.get("q")
        if raw is None:
            raise InvalidParameter("q", "'q' is required.")
        if len(raw) > MAX_QUERY_LENGTH:
            raise InvalidParameter("q", f"'q' is longer than {MAX_QUERY_LENGTH} characters.")
        text = normalise_query(raw)
        if not text:
            raise InvalidParameter("q", "'q' is empty.")
        kind = request.query_params.get("type")
        if kind is not None and kind not in BY_KEY:
            raise InvalidParameter("type", f"'type' must be {', '.join(KIND_KEYS[:-1])} or {KIND_KEYS[-1]}.")
        types = [kind] if kind else KIND_KEYS
        results = search_all(text, types, locale)
        page = self.paginate_queryset(results)
        tag_response(
            request, [*(BY_KEY[key].list_tag for key in KIND_KEYS), *(BY_KEY[r["type"]].tag(r["id"]) for r in page)]
        )
        response = self.get_paginated_response(page)
        languages = dict.fromkeys(locales.content_locale(key, locale) for key in types)  # articles first
        response["Content-Language"] = ", ".join(languages)
        return response
