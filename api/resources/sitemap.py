"""``GET /sitemap/`` — every public URL of the frontend with its last modification date."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from providers.models import Provider, TreatmentCenter

from .. import paths
from ..caching import tag_response
from ..filters import check_parameters
from ..serializers import SitemapSerializer, error_responses


def _date(moment) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


def sitemap_entries() -> tuple[list[dict], object]:
    """Sitemap entries (three queries) and the latest modification among them."""
    from pages.review.visibility import public_articles

    entries, latest = [], None
    articles = public_articles().values_list("url_path", "review_stamps__last_updated_at", "last_published_at")
    for url_path, last_updated, last_published in articles.order_by("path"):
        entries.append(("article", paths.page_path(url_path), last_updated or last_published))
    for slug, moment in Provider.objects.public().values_list("slug", "last_published_at").order_by("slug"):
        entries.append(("provider", paths.provider_path(slug), moment))
    for slug, moment in TreatmentCenter.objects.public().values_list("slug", "last_published_at").order_by("slug"):
        entries.append(("center", paths.center_path(slug), moment))
    urls = []
    for kind, path, moment in entries:
        if moment and (latest is None or moment > latest):
            latest = moment
        urls.append({"type": kind, "path": path, "loc": paths.frontend_url(path), "lastmod": _date(moment)})
    return urls, latest


class SitemapView(APIView):
    @extend_schema(
        operation_id="sitemap_retrieve",
        summary="Every public frontend URL with lastmod",
        description="Articles, clinician profiles and center listings. `loc` uses the configured frontend base URL.",
        responses={200: SitemapSerializer, **error_responses(400)},
        tags=["sitemap"],
    )
    def get(self, request: Request) -> Response:
        check_parameters(request, set())
        urls, latest = sitemap_entries()
        tag_response(request, ["articles", "providers", "centers"], latest)
        return Response({"count": len(urls), "urls": urls})
