"""Frontend paths and API URLs for public objects: the one place they are computed.

The public site is the headless frontend, so every path the API hands out is a *frontend* path:

- articles: the page's position in the tree below its locale's home page (``/resources/iop-for-depression/``),
  prefixed with the locale for translations (``/es/resources/iop-for-depression/``, see ``api.locales``);
- clinicians: ``/providers/<slug>/``;
- treatment centers: ``/locations/<slug>/`` (below the center locator, ``settings.FRONTEND_CENTER_LOCATOR_PATH``).

``routes?path=`` resolves exactly these shapes back to objects, and the sitemap lists them.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from . import locales

PROVIDER_PREFIX = "/providers/"


def center_prefix() -> str:
    prefix = settings.FRONTEND_CENTER_LOCATOR_PATH
    return prefix if prefix.endswith("/") else prefix + "/"


def page_path(url_path: str, locale_id: int | None = None) -> str:
    """Frontend path of a page from its Wagtail ``url_path`` (``/home/resources/x/`` → ``/resources/x/``).

    The first segment is the locale's home page (the site root or its translation), which the frontend serves
    at ``/`` (``/es/`` for Spanish).
    """
    segments = [segment for segment in url_path.split("/") if segment]
    rest = "/" + "/".join(segments[1:]) + "/" if len(segments) > 1 else "/"
    return locales.prefix(locales.code_of(locale_id)) + rest


def article_path(article) -> str:
    return page_path(article.url_path, article.locale_id)


def provider_path(slug: str) -> str:
    return f"{PROVIDER_PREFIX}{slug}/"


def center_path(slug: str) -> str:
    return f"{center_prefix()}{slug}/"


def frontend_url(path: str) -> str:
    """Absolute frontend URL of a frontend path (canonical URLs, sitemap, JSON-LD)."""
    return settings.FRONTEND_BASE_URL + path


def api_url(url_name: str, slug: str) -> str:
    return reverse(url_name, kwargs={"slug": slug})


def article_api_url(slug: str, locale_code: str | None = None) -> str:
    url = api_url("api:article-detail", slug)
    return locales.with_locale(url, locale_code) if locale_code else url


def provider_api_url(slug: str) -> str:
    return api_url("api:provider-detail", slug)


def center_api_url(slug: str) -> str:
    return api_url("api:center-detail", slug)
