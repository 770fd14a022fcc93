"""Clinicians: list summaries and the profile detail with credentials, centers, reviewed articles and JSON-LD —
in a locale: job title, bio and specialties translated (``providers.models.translations``), the name,
credentials and links the clinician's own in every language."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch

from pages.review.visibility import public_articles
from providers.models import CredentialHolding, Provider, Topic, TreatmentCenter
from providers.models.translations import text_in, text_in_sql

from .. import paths
from ..caching import tag_response
from ..images import attach_renditions, represent_image
from ..richtext import render
from .articles import byline_reviewer_ids
from .context import ResolveContext, note_context
from .jsonld import image_object, language, person_id
from .related import sort_key, union_rows

PROVIDER_SELECT_RELATED = ("photo",)


def provider_prefetches() -> list:
    return [
        Prefetch(
            "credential_holdings",
            queryset=CredentialHolding.objects.select_related("credential").order_by("sort_order", "pk"),
        ),
        "translations__locale",
    ]


def provider_summary(provider: Any, locale: str | None = None) -> dict[str, Any]:
    return {
        "id": provider.pk,
        "slug": provider.slug,
        "path": paths.provider_path(provider.slug),
        "api_url": paths.provider_api_url(provider.slug),
        "name": provider.name,
        "display_name": provider.display_name,
        "category": provider.category,
        "job_title": text_in(provider, "job_title", locale) or None,
        "photo": represent_image(provider.photo),
    }


def represent_provider_summaries(providers: list[Any], request: Any = None, locale: str | None = None) -> list[dict]:
    """Summaries of providers loaded with ``PROVIDER_SELECT_RELATED`` and ``provider_prefetches()``: +1 query."""
    attach_renditions([provider.photo for provider in providers])
    if request is not None:
        for provider in providers:
            tag_response(request, [f"provider-{provider.pk}"], provider.last_published_at)
    return [provider_summary(provider, locale) for provider in providers]


def credential(holding: Any) -> dict[str, Any]:
    """A credential holding as published. The number appears only when marked public (P9)."""
    entry = {
        "code": holding.credential.code,
        "name": holding.credential.name,
        "kind": holding.credential.kind,
        "issuer": holding.credential.issuer or None,
        "jurisdiction": holding.jurisdiction or None,
        "status": "expired" if holding.is_expired() and holding.status == holding.Status.ACTIVE else holding.status,
        "issued": holding.issued_on.isoformat() if holding.issued_on else None,
        "expires": holding.expires_on.isoformat() if holding.expires_on else None,
        "verified_on": holding.verified_on.isoformat() if holding.verified_on else None,
        "shown_on_byline": holding.show_on_byline,
    }
    if holding.number_is_public and holding.number:
        entry["number"] = holding.number
    return entry


REVIEWED_ARTICLES_SHOWN = 20


def reviewed_articles(provider: Any) -> list[dict[str, Any]]:
    """The :data:`REVIEWED_ARTICLES_SHOWN` most recently reviewed public articles whose current byline lists this
    clinician as a reviewer (one query, read until enough are found). Bounded: a clinician who reviewed
    thousands of articles must not make their profile, and every publish that rebuilds it, grow with them."""
    rows = (
        public_articles()
        .filter(signoffs__provider=provider, signoffs__decision="approved")
        .values_list(
            "pk", "slug", "title", "url_path", "review_stamps__byline", "review_stamps__last_reviewed_at", "locale_id"
        )
        .order_by("-review_stamps__last_reviewed_at", "pk")
    )
    found: dict[int, dict[str, Any]] = {}
    for pk, slug, title, url_path, byline, _, locale_id in rows.iterator(chunk_size=4 * REVIEWED_ARTICLES_SHOWN):
        if pk not in found and provider.pk in byline_reviewer_ids(byline):
            found[pk] = {"id": pk, "slug": slug, "title": title, "path": paths.page_path(url_path, locale_id)}
            if len(found) == REVIEWED_ARTICLES_SHOWN:
                break
    return list(found.values())


def _related_terms(provider: Any, locale: str | None = None) -> tuple[list[dict], list[dict]]:
    """(specialties in ``locale``, public centers) in one UNION query."""
    specialties = Provider.specialties.through.objects.filter(provider_id=provider.pk)
    centers = TreatmentCenter.objects.public().filter(providers=provider)
    rows = union_rows(
        specialties,
        "topic",
        F("provider_id"),
        r_slug=F("topic__slug"),
        r_name=text_in_sql(Topic, "name", locale, "topic"),
        r_sort=F("topic__sort_order"),
    ).union(
        union_rows(centers, "center", F("pk"), r_slug=F("slug"), r_name=F("name"), r_a=F("city"), r_b=F("state")),
        all=True,
    )
    topics, found = [], []
    for r in sorted(rows, key=sort_key):
        if r.kind == "topic":
            topics.append({"slug": r.r_slug, "name": r.r_name})
        else:
            found.append(
                {
                    "id": r.owner,
                    "slug": r.r_slug,
                    "name": r.r_name,
                    "city": r.r_a,
                    "state": r.r_b,
                    "path": paths.center_path(r.r_slug),
                }
            )
    return topics, found


def represent_provider_detail(provider: Any, request: Any = None, locale: str | None = None) -> dict[str, Any]:
    """The clinician profile in ``locale``. Works for an unsaved preview object too (relations read through
    public sets)."""
    holdings = sorted(
        provider.credential_holdings.all(), key=lambda holding: (holding.sort_order or 0, holding.pk or 0)
    )
    if provider.pk:
        specialties, centers = _related_terms(provider, locale)
        articles = reviewed_articles(provider)
    else:
        specialties, centers, articles = [], [], []
    bio = text_in(provider, "bio", locale)
    context = ResolveContext(extra_images=[provider.photo])
    context.add_rich_text(bio)
    context.load()
    note_context(request, context)
    last_verified = provider.credentials_last_verified()
    if request is not None:
        tag_response(
            request,
            [
                f"provider-{provider.pk}",
                "vocabularies",
                *(f"center-{center.pop('id')}" for center in centers),
                *(f"article-{article.pop('id')}" for article in articles),
                *context.page_tags(),
            ],
            provider.last_published_at,
        )
    else:
        for item in [*centers, *articles]:
            item.pop("id", None)
    data = {
        **provider_summary(provider, locale),
        "honorific": provider.honorific or None,
        "post_nominals": provider.post_nominals,
        "bio": render(bio, context.richtext),
        "npi": provider.npi or None,
        "credentials": [credential(holding) for holding in holdings],
        "credentials_last_verified": last_verified.isoformat() if last_verified else None,
        "specialties": specialties,
        "centers": centers,
        "articles_reviewed": articles,
    }
    data["json_ld"] = provider_json_ld(data, locale)
    return data


def provider_json_ld(data: dict[str, Any], locale: str | None = None) -> dict[str, Any]:
    """schema.org Person (on a ProfilePage) with the credentials that are in force."""
    url = paths.frontend_url(data["path"])
    person: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": person_id(data["slug"]),
        "url": url,
        "name": data["name"],
        "mainEntityOfPage": {"@type": "ProfilePage", "@id": url, "inLanguage": language(locale)},
        "hasCredential": [
            {
                "@type": "EducationalOccupationalCredential",
                "name": item["name"],
                "credentialCategory": item["kind"],
                **({"recognizedBy": {"@type": "Organization", "name": item["issuer"]}} if item["issuer"] else {}),
                **({"expires": item["expires"]} if item["expires"] else {}),
            }
            for item in data["credentials"]
            if item["status"] == "active"
        ],
        "worksFor": [
            {"@type": "MedicalClinic", "name": center["name"], "url": paths.frontend_url(center["path"])}
            for center in data["centers"]
        ],
    }
    if data["honorific"]:
        person["honorificPrefix"] = data["honorific"]
    if data["post_nominals"]:
        person["honorificSuffix"] = ", ".join(data["post_nominals"])
    if data["job_title"]:
        person["jobTitle"] = data["job_title"]
    if data["npi"]:
        person["identifier"] = {"@type": "PropertyValue", "propertyID": "NPI", "value": data["npi"]}
    if data["photo"]:
        person["image"] = image_object(data["photo"])
    return {key: value for key, value in person.items() if value != []}
