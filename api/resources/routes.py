"""``GET /routes/?path=`` — what a frontend path shows, or where a Wagtail redirect sends it (no 302 round trip).

Frontend paths (see ``api.paths``): articles at their tree path (``/resources/<slug>/``), clinicians at
``/providers/<slug>/``, centers at ``/locations/<slug>/``. Content wins over redirects (as in Wagtail, whose
redirect middleware only acts on a 404). Only public objects resolve; everything else is the one 404.

The home page (``/``) and article indexes (``/resources/``) resolve too, to the listing endpoint that lists
their articles.

Locale-prefixed paths (``/es/resources/x/``, ``/es/``; see ``api.locales``) resolve to the content of that
locale: a translated article (its ``api_url`` carries ``?locale=es``) or that locale's listing pages. A clinician
or center is one object with one path in every language, so ``/es/providers/x/`` resolves to the same profile as
``/providers/x/``, in Spanish (``locale: es``, ``api_url`` with ``?locale=es``; ``path`` stays the object's).

The path is validated before any lookup: it must be an absolute path made of URL-safe characters with no
``.``/``..`` segments, no ``//``, no backslashes and no percent-escapes (the middleware already decoded once;
a second level of encoding such as ``%2e%2e`` is refused, not decoded again) — reliability T1. Validation
splits on ``/`` and checks each segment against a character set: linear in the length, no regular expression
with nested quantifiers on request input (a backtracking pattern here once took seconds per request).
"""

from __future__ import annotations

import string

from django.conf import settings
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from .. import locales, paths
from ..caching import tag_response
from ..errors import InvalidParameter
from ..filters import check_parameters
from ..published.reads import published
from ..published.registry import BY_KEY
from ..serializers import RouteSerializer, error_responses
from ..visibility import public_listing_pages
from .base import not_found

MAX_PATH_LENGTH = 500
SEGMENT_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-_~.")


def clean_path(raw: str) -> str | None:
    """The normalised frontend path (trailing slash), or None when it is not a plain absolute path."""
    if len(raw) > MAX_PATH_LENGTH:
        return None
    segments = path_segments(raw)
    if segments is None:
        return None
    return "/" + "/".join(segments) + "/" if segments else "/"


def path_segments(raw: str) -> list[str] | None:
    """The segments of an absolute path, or None if one is empty, ``.``/``..`` or has another character than
    letters, digits and ``-_~.``. One pass over the input, whatever its length."""
    if not raw.startswith("/"):
        return None
    segments = raw[1:].split("/")
    if segments[-1] == "":  # one trailing slash is allowed (and added when missing)
        segments.pop()
    for segment in segments:
        if segment in ("", ".", "..") or not SEGMENT_CHARACTERS.issuperset(segment):
            return None
    return segments


def safe_redirect_link(link: str) -> bool:
    """An http(s) URL with a host, or a path on this site (never ``//host`` or backslashes, which browsers
    treat as another host). Checked character by character, not with a pattern."""
    if not link or any(character.isspace() or character == "\\" for character in link):
        return False
    scheme, separator, rest = link.partition("://")
    if separator:
        return scheme.lower() in ("http", "https") and bool(rest) and not rest.startswith("/")
    return link.startswith("/") and not link.startswith("//")


def _single_slug(path: str, prefix: str) -> str | None:
    if not path.startswith(prefix):
        return None
    rest = path[len(prefix) :].strip("/")
    return rest if rest and "/" not in rest else None


def _route(request: Request, key: str, row: tuple) -> dict:
    kind = BY_KEY[key]
    object_id, slug, path, locale = row
    tag_response(request, [kind.tag(object_id), kind.list_tag])
    api_url = locales.with_locale(reverse(kind.detail_url_name, kwargs={"slug": slug}), locale)
    return {"type": key, "slug": slug, "locale": locale, "path": path, "api_url": api_url}


def resolve_content(request: Request, path: str) -> dict | None:
    """The public object at a frontend path: clinicians and centers by their prefix, articles by stored path."""
    fields = ("object_id", "slug", "path", "locale")
    locale, unprefixed = locales.split_prefix(path)
    for key, prefix in (("provider", paths.PROVIDER_PREFIX), ("center", paths.center_prefix())):
        slug = _single_slug(unprefixed, prefix)
        row = published(key, locale).filter(slug=slug).values_list(*fields).first() if slug else None
        if row:
            return _route(request, key, row)
    if path != "/":
        row = published("article").filter(path=path).order_by("tree_path").values_list(*fields).first()
        if row:
            return _route(request, "article", row)
    return resolve_listing_page(request, path)


def resolve_listing_page(request: Request, path: str) -> dict | None:
    """The home page or an article index at ``path``, pointing at the endpoint that lists its articles."""
    locale, unprefixed = locales.split_prefix(path)
    candidates = public_listing_pages().filter(locale__language_code=locale)
    if unprefixed == "/":  # the default site's root page, or its translation
        roots = Site.objects.filter(is_default_site=True).values("root_page__translation_key")
        candidates = candidates.filter(translation_key__in=roots, depth=2)
    else:
        candidates = candidates.filter(url_path__endswith=unprefixed)
    for pk, url_path, model, locale_id in candidates.values_list("pk", "url_path", "content_type__model", "locale_id"):
        if paths.page_path(url_path, locale_id) == path:
            tag_response(request, [f"page-{pk}", "articles"])
            kind = "home" if model == "homepage" else "article_index"
            api_url = reverse("api:article-list")
            return {"type": kind, "locale": locale, "path": path, "api_url": locales.with_locale(api_url, locale)}
    return None


def resolve_redirect(request: Request, path: str) -> dict | None:
    """A Wagtail redirect for ``path`` whose target is public (a page) or a plain http(s)/path link."""
    site = Site.objects.filter(is_default_site=True).first()
    candidates = {Redirect.normalise_path(path), Redirect.normalise_path(path.rstrip("/") or "/")}
    redirects = (
        Redirect.objects.filter(old_path__in=candidates).filter(site__isnull=True)
        | Redirect.objects.filter(old_path__in=candidates, site=site)
    ).select_related("redirect_page")
    redirect = sorted(redirects, key=lambda r: (r.site_id is None, r.pk))[0] if redirects else None
    if redirect is None:
        return None
    tag_response(request, [BY_KEY["article"].list_tag])
    if redirect.redirect_page_id:
        target = published("article").filter(object_id=redirect.redirect_page_id).values_list("path", flat=True)
        destination = target.first()
        if destination is None:
            return None
        tag_response(request, [BY_KEY["article"].tag(redirect.redirect_page_id)])
        if redirect.redirect_page_route_path:
            destination = destination.rstrip("/") + "/" + redirect.redirect_page_route_path.lstrip("/")
    else:
        link = (redirect.redirect_link or "").strip()
        if link.startswith(settings.FRONTEND_BASE_URL + "/"):
            link = link[len(settings.FRONTEND_BASE_URL) :]
        if not safe_redirect_link(link):
            return None
        destination = link
    return {"type": "redirect", "redirect_to": destination, "permanent": redirect.is_permanent}


class RouteView(APIView):
    @extend_schema(
        operation_id="routes_retrieve",
        summary="Resolve a frontend path to content or a redirect",
        parameters=[
            OpenApiParameter(
                "path",
                OpenApiTypes.STR,
                required=True,
                description="Absolute frontend path, e.g. `/resources/iop-for-depression/`.",
            )
        ],
        responses={200: RouteSerializer, **error_responses(400, 404)},
        tags=["routes"],
    )
    def get(self, request: Request) -> Response:
        check_parameters(request, {"path"})
        raw = request.query_params.get("path")
        if raw is None:
            raise InvalidParameter("path", "'path' is required, e.g. ?path=/resources/iop-for-depression/.")
        path = clean_path(raw)
        if path is None:
            raise not_found()
        route = resolve_content(request, path) or resolve_redirect(request, path)
        if route is None:
            raise not_found()
        return Response(route)
