"""Treatment centers: list summaries and the listing detail with programs, hours, contacts, licenses, accreditations
and JSON-LD — in a locale: the description and the terms' labels translated (``providers.models.translations``),
the rest (names, addresses, numbers, licenses) the listing's own."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db.models import F, Prefetch

from providers.models import CenterHours, CenterProgram, Language, Payer, Population, Service, Topic, TreatmentCenter
from providers.models.translations import text_in, text_in_sql

from .. import paths
from ..caching import tag_response
from .related import sort_key, union_rows
from .vocabularies import level_of_care

TERM_KINDS = ("services", "conditions", "populations", "languages", "payers")


def center_prefetches() -> list:
    return [
        Prefetch(
            "programs",
            queryset=CenterProgram.objects.select_related("level_of_care")
            .prefetch_related("level_of_care__translations__locale")
            .order_by("sort_order", "pk"),
        ),
        "translations__locale",
    ]


def _programs(center: Any, locale: str | None = None) -> list[dict[str, Any]]:
    programs = sorted(center.programs.all(), key=lambda program: (program.sort_order or 0, program.pk or 0))
    return [
        {
            "level_of_care": level_of_care(program.level_of_care, locale),
            "days_per_week": program.days_per_week,
            "hours_per_week": program.hours_per_week,
            "schedule": program.schedule or None,
            "modality": program.modality,
        }
        for program in programs
    ]


def center_summary(center: Any, locale: str | None = None) -> dict[str, Any]:
    levels: dict[str, dict] = {}
    for program in _programs(center, locale):
        levels.setdefault(program["level_of_care"]["slug"], program["level_of_care"])
    summary = {
        "id": center.pk,
        "slug": center.slug,
        "path": paths.center_path(center.slug),
        "api_url": paths.center_api_url(center.slug),
        "name": center.name,
        "summary": text_in(center, "summary", locale),
        "is_sample_listing": center.is_sample_listing,
        "address": {
            "street": center.street,
            "city": center.city,
            "state": center.state,
            "postal_code": center.postal_code,
        },
        "geo": {"lat": float(center.latitude), "lng": float(center.longitude)},
        "phones": {
            "main": center.phone_main or None,
            "intake": center.phone_intake or None,
            "after_hours": center.phone_after_hours or None,
        },
        "levels_of_care": list(levels.values()),
        "accepting_new_patients": center.accepting_new_patients,
    }
    if hasattr(center, "distance_km"):
        summary["distance_km"] = center.distance_km
    return summary


def represent_center_summaries(centers: list[Any], request: Any = None, locale: str | None = None) -> list[dict]:
    """Summaries of centers loaded with ``center_prefetches()`` (no further queries)."""
    if request is not None:
        for center in centers:
            tag_response(request, [f"center-{center.pk}", "vocabularies"], center.last_published_at)
    return [center_summary(center, locale) for center in centers]


TERM_TARGETS = (
    ("services", "service", Service),
    ("conditions", "topic", Topic),
    ("populations", "population", Population),
    ("languages", "language", Language),
    ("payers", "payer", Payer),
)


def _terms(center: Any, locale: str | None = None) -> dict[str, list[dict]]:
    """The center's services, conditions, populations, languages and payers in one UNION query (in ``locale``)."""
    querysets = []
    for kind, target, model in TERM_TARGETS:
        through = getattr(TreatmentCenter, kind).through.objects.filter(treatmentcenter_id=center.pk)
        extra = {"r_a": F(f"{target}__code")} if kind == "languages" else {}
        querysets.append(
            union_rows(
                through,
                kind,
                F("treatmentcenter_id"),
                r_slug=F(f"{target}__slug"),
                r_name=text_in_sql(model, "name", locale, target),
                r_sort=F(f"{target}__sort_order"),
                **extra,
            )
        )
    grouped: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(querysets[0].union(*querysets[1:], all=True), key=sort_key):
        entry = {"slug": r.r_slug, "name": r.r_name}
        if r.kind == "languages":
            entry["code"] = r.r_a
        grouped[r.kind].append(entry)
    return {kind: grouped.get(kind, []) for kind in TERM_KINDS}


def _terms_from_object(center: Any, locale: str | None = None) -> dict[str, list[dict]]:
    result = {}
    for kind in TERM_KINDS:
        names = {term: text_in(term, "name", locale) for term in getattr(center, kind).all()}
        result[kind] = [
            {"slug": term.slug, "name": name, **({"code": term.code} if kind == "languages" else {})}
            for term, name in sorted(names.items(), key=lambda item: (item[0].sort_order, item[1]))
        ]
    return result


def represent_center_detail(
    center: Any, request: Any = None, *, prefetched: bool = False, locale: str | None = None
) -> dict[str, Any]:
    """The full listing in ``locale``. Works for an unsaved preview object too (``prefetched=False`` reads its
    relations)."""
    terms = _terms(center, locale) if prefetched else _terms_from_object(center, locale)
    hours = sorted(center.hours.all(), key=lambda row: (row.sort_order or 0, row.pk or 0))
    licenses = sorted(center.licenses.all(), key=lambda row: (row.sort_order or 0, row.pk or 0))
    data = {
        **center_summary(center, locale),
        "timezone": center.timezone,
        "website": center.website or None,
        "hours": [
            {"day": row.day, "opens": row.opens.strftime("%H:%M"), "closes": row.closes.strftime("%H:%M")}
            for row in hours
        ],
        "programs": _programs(center, locale),
        **terms,
        "accepting_as_of": center.accepting_as_of.isoformat() if center.accepting_as_of else None,
        "listing_verified": center.listing_verified_on.isoformat() if center.listing_verified_on else None,
        "contacts": [contact(row) for row in _ordered(center.contacts.all())],
        "licenses": [
            {
                "kind": row.kind,
                "name": row.name,
                "issuer": row.issuer or None,
                "number": row.number or None,
                "expires": row.expires_on.isoformat() if row.expires_on else None,
            }
            for row in licenses
        ],
        "accreditations": [accreditation(row) for row in _ordered(center.accreditations.all())],
    }
    data["json_ld"] = center_json_ld(data)
    if request is not None:
        tag_response(request, [f"center-{center.pk}", "vocabularies"], center.last_published_at)
    return data


def _ordered(rows: Any) -> list[Any]:
    return sorted(rows, key=lambda row: (row.sort_order or 0, row.pk or 0))


def contact(row: Any) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "purpose": row.purpose,
        "label": row.label or None,
        "value": row.value,
        "url": row.action_url(),
    }


def accreditation(row: Any) -> dict[str, Any]:
    return {
        "body": row.body,
        "body_name": row.body_name,
        "program": row.program or None,
        "identifier": row.identifier or None,
        "accredited_on": row.accredited_on.isoformat() if row.accredited_on else None,
        "expires": row.expires_on.isoformat() if row.expires_on else None,
        "url": row.verification_url or None,
    }


def day_names() -> dict[str, str]:
    """schema.org day names: the labels of ``CenterHours.Day`` ("monday" -> "Monday")."""
    return {value: str(label) for value, label in CenterHours.Day.choices}


CONTACT_FIELDS = {"phone": "telephone", "email": "email", "intake": "url"}


def _contact_point(item: dict[str, Any]) -> dict[str, Any]:
    value = item["url"] if item["kind"] == "intake" else item["value"]
    return {"@type": "ContactPoint", "contactType": item["purpose"], CONTACT_FIELDS[item["kind"]]: value}


def center_json_ld(data: dict[str, Any]) -> dict[str, Any]:
    """schema.org MedicalClinic."""
    url = paths.frontend_url(data["path"])
    address = data["address"]
    json_ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "@id": url,
        "url": url,
        "name": data["name"],
        "address": {
            "@type": "PostalAddress",
            "streetAddress": address["street"],
            "addressLocality": address["city"],
            "addressRegion": address["state"],
            "postalCode": address["postal_code"],
            "addressCountry": "US",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": data["geo"]["lat"], "longitude": data["geo"]["lng"]},
        "telephone": data["phones"]["main"],
        "isAcceptingNewPatients": data["accepting_new_patients"],
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": day_names()[row["day"]],
                "opens": row["opens"],
                "closes": row["closes"],
            }
            for row in data["hours"]
        ],
        "availableService": [{"@type": "MedicalTherapy", "name": service["name"]} for service in data["services"]],
        "paymentAccepted": [payer["name"] for payer in data["payers"]],
        "knowsLanguage": [language["code"] for language in data["languages"]],
        "contactPoint": [_contact_point(item) for item in data["contacts"]],
        "hasCredential": [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": "accreditation",
                "name": " — ".join(filter(None, [item["body_name"], item["program"]])),
                "recognizedBy": {"@type": "Organization", "name": item["body_name"]},
                **({"identifier": item["identifier"]} if item["identifier"] else {}),
                **({"validFrom": item["accredited_on"]} if item["accredited_on"] else {}),
                **({"expires": item["expires"]} if item["expires"] else {}),
                **({"url": item["url"]} if item["url"] else {}),
            }
            for item in data["accreditations"]
        ],
    }
    return {key: value for key, value in json_ld.items() if value not in (None, [])}
