"""schema.org building blocks shared by the JSON-LD of articles, clinicians and centers.

Node identifiers are stable so consumers can merge graphs across pages: a clinician is
``<profile URL>#person`` both on their profile page and wherever they review an article; the publishing
organization is ``<ORGANIZATION_URL>#organization``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from .. import paths

# Hosts whose references are peer-reviewed literature rather than general web pages.
SCHOLARLY_HOSTS = ("doi.org", "pubmed.ncbi.nlm.nih.gov", "www.ncbi.nlm.nih.gov", "ncbi.nlm.nih.gov")


def organization() -> dict[str, Any]:
    """The publisher (and author when an article names none), from the ``ORGANIZATION_*`` settings."""
    url = settings.ORGANIZATION_URL
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": f"{url}#organization",
        "name": settings.ORGANIZATION_NAME,
        "url": url,
    }
    if settings.ORGANIZATION_LOGO_URL:
        node["logo"] = {"@type": "ImageObject", "url": settings.ORGANIZATION_LOGO_URL}
    return node


def person_id(slug: str) -> str:
    """The ``@id`` of a clinician's ``Person`` node (the same on their profile and on articles they review)."""
    return paths.frontend_url(paths.provider_path(slug)) + "#person"


def split_display_name(name: str, display_name: str) -> tuple[str | None, str | None]:
    """(honorific prefix, post-nominals) of a byline's ``display_name`` ("Dr. Michael Vines, MD"), which
    ``Provider.display_name`` renders as "<honorific> <name>, <post-nominal>, …"."""
    position = display_name.find(name) if name else -1
    if position < 0:
        return None, None
    prefix = display_name[:position].strip() or None
    suffix = display_name[position + len(name) :].lstrip(",").strip() or None
    return prefix, suffix


def byline_person(entry: dict[str, Any]) -> dict[str, Any]:
    """A reviewer or author from the byline: ``name`` without post-nominals, which go to ``honorificSuffix``."""
    name = entry.get("name") or entry.get("display_name") or ""
    prefix, suffix = split_display_name(name, entry.get("display_name") or "")
    person: dict[str, Any] = {"@type": "Person"}
    if entry.get("slug"):
        person["@id"] = person_id(entry["slug"])
        person["url"] = paths.frontend_url(paths.provider_path(entry["slug"]))
    person["name"] = name
    if prefix:
        person["honorificPrefix"] = prefix
    if suffix:
        person["honorificSuffix"] = suffix
    return person


def citation(reference: dict[str, Any]) -> dict[str, Any]:
    """A numbered reference as ``ScholarlyArticle`` (DOI/PubMed links) or ``CreativeWork``."""
    url = reference.get("url")
    host = (urlsplit(url).hostname or "").lower() if url else ""
    node: dict[str, Any] = {
        "@type": "ScholarlyArticle" if host in SCHOLARLY_HOSTS else "CreativeWork",
        "name": reference["title"],
    }
    if url:
        node["url"] = url
    if reference.get("publisher"):
        node["publisher"] = {"@type": "Organization", "name": reference["publisher"]}
    if reference.get("year"):
        node["datePublished"] = str(reference["year"])
    return node


def image_object(image: dict[str, Any] | None) -> dict[str, Any] | None:
    """An API image as ``ImageObject`` (the original's URL and size)."""
    if not image:
        return None
    node: dict[str, Any] = {
        "@type": "ImageObject",
        "url": image["url"],
        "contentUrl": image["url"],
        "width": image["width"],
        "height": image["height"],
    }
    if image.get("alt"):
        node["caption"] = image["alt"]
    return node


def language(locale: str | None = None) -> str:
    """BCP 47 language of the content: the object's locale, else the site's default language."""
    return (locale or settings.LANGUAGE_CODE).split("-")[0].lower()
