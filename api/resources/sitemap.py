"""``GET /sitemap/`` — every public URL of the frontend with its last modification date (one query)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import locales, paths
from ..caching import tag_response
from ..filters import check_parameters
from ..published.models import StoredRepresentation
from ..published.reads import locale_q, visible_q
from ..published.registry import BY_KEY, KIND_KEYS
from ..serializers import SitemapSerializer, error_responses


def _date(moment) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


def sitemap_entries() -> tuple[list[dict], object]:
    """Sitemap entries (articles in tree order, then clinicians and centers by slug) and the latest change."""
    now = timezone.now()
    visible = Q()
    for key in KIND_KEYS:
        visible |= Q(kind=key) & visible_q(key, now) & locale_q(key)  # clinicians, centers: one row each
    rows = StoredRepresentation.objects.filter(visible).values_list(
        "kind", "slug", "path", "tree_path", "last_updated", "published_at", "locale", "page__translation_key"
    )
    order = {key: position for position, key in enumerate(KIND_KEYS)}
    entries = sorted(rows, key=lambda row: (order[row[0]], row[3] if row[0] == "article" else row[1]))
    versions = language_versions(entries)
    urls, latest = [], None
    for kind, _, path, _, last_updated, published_at, locale, translation_key in entries:
        moment = (last_updated or published_at) if kind == "article" else published_at
        if moment and (latest is None or moment > latest):
            latest = moment
        alternates = versions.get(translation_key, []) if translation_key else []
        urls.append(
            {
                "type": kind,
                "locale": locale or locales.default_content_locale(),
                "path": path,
                "loc": paths.frontend_url(path),
                "lastmod": _date(moment),
                "alternates": alternates if len(alternates) > 1 else [],
            }
        )
    return urls, latest


def language_versions(entries: list) -> dict:
    """Public language versions of each translated article: translation key → [{hreflang, href}] in
    ``LANGUAGES`` order."""
    order = {code: position for position, code in enumerate(locales.allowed())}
    found: dict = {}
    for kind, _, path, _, _, _, locale, translation_key in entries:
        if kind == "article" and translation_key:
            found.setdefault(translation_key, []).append((order.get(locale, len(order)), locale, path))
    return {
        key: [{"hreflang": locale, "href": paths.frontend_url(path)} for _, locale, path in sorted(items)]
        for key, items in found.items()
    }


@extend_schema_view(
    get=extend_schema(
        operation_id="sitemap_retrieve",
        summary="Every public frontend URL with lastmod",
        description="Articles, clinician profiles and center listings. `loc` uses the configured frontend base URL.",
        responses={200: SitemapSerializer, **error_responses(400)},
        tags=["sitemap"],
    )
)
class SitemapView(APIView):
    def get(self, request: Request) -> Response:
        check_parameters(request, set())
        urls, latest = sitemap_entries()
        tag_response(request, [BY_KEY[key].list_tag for key in KIND_KEYS], latest)
        return Response({"count": len(urls), "urls": urls})
