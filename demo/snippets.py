"""Demo snippets: sample treatment centers, and clinicians with credentials and reviewer accounts."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pages.review.eligibility import REVIEWERS_GROUP
from providers.models import (
    CenterHours,
    CenterLicense,
    CenterProgram,
    Credential,
    CredentialHolding,
    Language,
    LevelOfCare,
    Payer,
    Population,
    Provider,
    Service,
    Topic,
    TreatmentCenter,
)
from providers.models.credentials import CREDENTIALING_GROUP

from . import listings
from .base import DemoDataError, LoadReport, terms

# Keys of a center's data that are not plain fields: relations, child rows, and the verifier's account.
CENTER_RELATIONS = {
    *("programs", "services", "conditions", "populations", "languages", "payers", "hours", "license"),
    "listing_verified_by",
}


def ensure_center(data: dict[str, Any], report: LoadReport) -> TreatmentCenter:
    center = TreatmentCenter.objects.filter(slug=data["slug"]).first()
    if center is not None:
        report.note(False, f"center {center.slug}")
        return center
    plain = {key: value for key, value in data.items() if key not in CENTER_RELATIONS}
    center = TreatmentCenter(**plain)
    center.listing_verified_by = ensure_account(data["listing_verified_by"], CREDENTIALING_GROUP)
    center.hours = [
        CenterHours(day=day, opens=datetime.time.fromisoformat(opens), closes=datetime.time.fromisoformat(closes))
        for day, opens, closes in data["hours"]
    ]
    center.programs = [
        CenterProgram(**{**program, "level_of_care": terms(LevelOfCare, [program["level_of_care"]])[0]})
        for program in data["programs"]
    ]
    center.licenses = [CenterLicense(**data["license"])]
    center.contacts, center.accreditations = listings.contacts(data), listings.accreditations(data)
    center.services = terms(Service, data["services"])
    center.conditions = terms(Topic, data["conditions"])
    center.populations = terms(Population, data["populations"])
    center.languages = terms(Language, data["languages"])
    center.payers = terms(Payer, data["payers"])
    center.full_clean()
    center.save()
    center.save_revision().publish()
    report.note(True, f"center {center.slug}")
    return center


def ensure_account(data: dict[str, Any], group: str) -> Any:
    """A demo staff account in ``group``, with no password (``ensure_dev_admin`` sets the reviewers' ones)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=data["username"],
        defaults={
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": f"{data['username']}@example.com",
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def ensure_clinician(data: dict[str, Any], report: LoadReport) -> Provider:
    provider = Provider.objects.filter(slug=data["slug"]).first()
    if provider is not None:
        report.note(False, f"clinician {provider.slug}")
        return provider
    credentials = {credential.code: credential for credential in Credential.objects.all()}
    missing = [item["code"] for item in data["credentials"] if item["code"] not in credentials]
    if missing:
        raise DemoDataError(f"Missing credentials: {', '.join(missing)}. Run `manage.py migrate` first.")
    provider = Provider(
        honorific=data["honorific"],
        name=data["name"],
        slug=data["slug"],
        category=data["category"],
        job_title=data["job_title"],
        bio=data["bio"],
        user=ensure_account(data["user"], REVIEWERS_GROUP),
    )
    provider.credential_holdings = [
        CredentialHolding(
            credential=credentials[item["code"]],
            **{key: value for key, value in item.items() if key != "code"},
            status=CredentialHolding.Status.ACTIVE,
            show_on_byline=True,
            sort_order=position,
        )
        for position, item in enumerate(data["credentials"])
    ]
    provider.specialties = terms(Topic, data["specialties"])
    provider.languages = terms(Language, data.get("languages", []))
    provider.centers = list(TreatmentCenter.objects.filter(slug__in=data["centers"]))
    for holding in provider.credential_holdings.all():  # the rules an editor's save would apply to each row
        holding.full_clean(exclude=["provider"])
    provider.full_clean()
    provider.save()
    provider.save_revision().publish()
    report.note(True, f"clinician {provider.slug}")
    return provider
