"""Who may sign off (W3, W5), and the credential snapshot stored on each sign-off."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone

from .errors import ReviewerNotEligibleError

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser
    from wagtail.models import Revision

    from providers.models import Provider

REVIEWERS_GROUP = "Clinical reviewers"
EDITORS_GROUP = "Editors"
REVIEW_ROLES = ("medical", "clinical")


def reviewer_provider(user: AbstractBaseUser) -> Provider | None:
    from providers.models import Provider

    if not user or not user.is_authenticated:
        return None
    return Provider.objects.filter(user=user).prefetch_related("credential_holdings__credential").first()


def check_reviewer(user: AbstractBaseUser, revision: Revision | None = None) -> Provider:
    """Return the reviewer's clinician profile, or raise ReviewerNotEligibleError saying exactly why not.

    Rules: an active account in the "Clinical reviewers" group, linked to a published clinician profile whose
    category is medical or clinical, whose byline credentials are active, unexpired and verified, and who is
    not reviewing a revision they saved themselves (unless ``REVIEW_ALLOW_SELF_REVIEW``).
    """
    if not user or not user.is_authenticated or not user.is_active:
        raise ReviewerNotEligibleError("Only signed-in clinical reviewers can sign off.")
    if not user.groups.filter(name=REVIEWERS_GROUP).exists():
        raise ReviewerNotEligibleError(f"Only members of the “{REVIEWERS_GROUP}” group can sign off.")
    provider = reviewer_provider(user)
    if provider is None:
        raise ReviewerNotEligibleError("Your account is not linked to a clinician profile, so you cannot sign off.")
    if not provider.live:
        raise ReviewerNotEligibleError("Your clinician profile is not published, so you cannot sign off.")
    if provider.category not in REVIEW_ROLES:
        raise ReviewerNotEligibleError("Only medical or clinical providers can sign off.")
    if not provider.can_sign_off():
        problems = ", ".join(f"{code} ({', '.join(flags)})" for code, flags in provider.credential_flags().items())
        raise ReviewerNotEligibleError(
            "Your credentials are not in good standing (active, unexpired and verified), so you cannot sign off"
            + (f": {problems}." if problems else ".")
        )
    if revision is not None and revision.user_id == user.pk and not settings.REVIEW_ALLOW_SELF_REVIEW:
        raise ReviewerNotEligibleError("You cannot sign off a revision you saved yourself.")
    return provider


def is_eligible_reviewer(user: AbstractBaseUser) -> bool:
    try:
        check_reviewer(user)
    except ReviewerNotEligibleError:
        return False
    return True


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def credential_snapshot(provider: Provider) -> dict[str, Any]:
    """The reviewer's name, post-nominals and credential holdings as they stand now (stored on the sign-off)."""
    holdings = sorted(provider.credential_holdings.all(), key=lambda holding: holding.sort_order or 0)
    return {
        "provider_id": provider.pk,
        "slug": provider.slug,
        "name": provider.name,
        "honorific": provider.honorific,
        "display_name": provider.display_name,
        "category": provider.category,
        "post_nominals": provider.post_nominals,
        "credentials_last_verified": _iso(provider.credentials_last_verified()),
        "taken_on": timezone.localdate().isoformat(),
        "holdings": [
            {
                "code": holding.credential.code,
                "name": holding.credential.name,
                "kind": holding.credential.kind,
                "issuer": holding.credential.issuer,
                "jurisdiction": holding.jurisdiction,
                "number": holding.number,
                "number_is_public": holding.number_is_public,
                "status": holding.status,
                "issued_on": _iso(holding.issued_on),
                "expires_on": _iso(holding.expires_on),
                "show_on_byline": holding.show_on_byline,
                "verified_on": _iso(holding.verified_on),
                "verification_method": holding.verification_method,
                "verification_source": holding.verification_source,
            }
            for holding in holdings
        ],
    }
