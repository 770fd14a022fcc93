"""Frontend paths and API URLs for public objects: the one place they are computed.

The public site is the headless frontend, so every path the API hands out is a *frontend* path:

- articles: the page's position in the tree below the site root (``/resources/iop-for-depression/``);
- clinicians: ``/providers/<slug>/``;
- treatment centers: ``/locations/<slug>/`` (below the center locator, ``settings.FRONTEND_CENTER_LOCATOR_PATH``).

``routes?path=`` resolves exactly these shapes back to objects, and the sitemap lists them.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

PROVIDER_PREFIX = "/providers/"


def center_prefix() -> str:
    prefix = settings.FRONTEND_CENTER_LOCATOR_PATH
    return prefix if prefix.endswith("/") else prefix + "/"


def page_path(url_path: str) -> str:
    """Frontend path of a page from its Wagtail ``url_path`` (``/home/resources/x/`` → ``/resources/x/``).

    The first segment is the site root (home page), which the frontend serves at ``/``.
    """
    segments = [segment for segment in url_path.split("/") if segment]
    if len(segments) <= 1:
        return "/"
    return "/" + "/".join(segments[1:]) + "/"


def article_path(article) -> str:
    return page_path(article.url_path)


def provider_path(slug: str) -> str:
    return f"{PROVIDER_PREFIX}{slug}/"


def center_path(slug: str) -> str:
    return f"{center_prefix()}{slug}/"


def frontend_url(path: str) -> str:
    """Absolute frontend URL of a frontend path (canonical URLs, sitemap, JSON-LD)."""
    return settings.FRONTEND_BASE_URL + path


def api_url(url_name: str, slug: str) -> str:
    return reverse(url_name, kwargs={"slug": slug})


def article_api_url(slug: str) -> str:
    return api_url("api:article-detail", slug)


def provider_api_url(slug: str) -> str:
    return api_url("api:provider-detail", slug)


def center_api_url(slug: str) -> str:
    return api_url("api:center-detail", slug)
