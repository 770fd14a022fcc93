"""Who may sign off (W3, W5, W7, W8), and the credential snapshot stored on each sign-off."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Revision

from providers.models import Provider

from .errors import ReviewerNotEligibleError
from .models import Publication, SignOff
from .roles import EDITORS_GROUP, REVIEWERS_GROUP

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractUser

REVIEW_ROLES = ("medical", "clinical")
__all__ = ["EDITORS_GROUP", "REVIEWERS_GROUP", "check_reviewer", "credential_snapshot"]


def reviewer_provider(user: AbstractUser) -> Provider | None:
    if not user or not user.is_authenticated:
        return None
    return (
        Provider.objects.filter(user=user)
        .prefetch_related("credential_holdings__credential", "credential_holdings__verified_by", "languages")
        .first()
    )


def check_reviewer(user: AbstractUser, revision: Revision | None = None) -> Provider:
    """Return the reviewer's clinician profile, or raise ReviewerNotEligibleError saying exactly why not.

    Rules: an active account in the "Clinical reviewers" group, linked to a published clinician profile whose
    category is medical or clinical, whose byline credentials are active, unexpired and verified by someone
    other than the reviewer (W7), who reads the language of the page (its locale: a translation is reviewed by
    someone who reads the translation), and who saved none of the revisions since the article was last signed off or
    live (W8, unless ``REVIEW_ALLOW_SELF_REVIEW``).
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
    if revision is not None:
        check_reads_language(provider, revision)
    if revision is not None and not settings.REVIEW_ALLOW_SELF_REVIEW:
        own = own_revision_since_last_review(revision, user)
        if own is not None:
            raise ReviewerNotEligibleError(
                f"You cannot sign off this revision: it contains changes you saved yourself (revision #{own}) "
                "since it was last signed off or live."
            )
    return provider


def content_language(revision: Revision) -> tuple[str, str]:
    """(language code, display name) of the page a revision belongs to, from the page's locale."""
    page = revision.content_object
    locale = getattr(page, "locale", None) or Locale.get_default()
    return locale.language_code, locale.get_display_name()


def check_reads_language(provider: Provider, revision: Revision) -> None:
    code, name = content_language(revision)
    if not provider.reads_language(code):
        raise ReviewerNotEligibleError(
            f"This page is in {name}, and your clinician profile does not list {name} among the languages you "
            "review in, so you cannot sign it off."
        )


def own_revision_since_last_review(revision: Revision, user: AbstractUser) -> int | None:
    """W8: the id of a revision ``user`` saved between the last reviewed version and ``revision``, or None.

    Self-review is judged by content, not by who saved or submitted ``revision``: any revision of the page
    after the latest one that was live or carries an approved sign-off, up to and including ``revision``,
    counts. So a reviewer's edit that an editor resubmits unchanged (the laundering path) is still theirs.
    """
    page_revisions = Revision.objects.filter(
        base_content_type_id=revision.base_content_type_id, object_id=revision.object_id, pk__lte=revision.pk
    )
    reviewed_ids = set(
        SignOff.objects.approved().filter(revision__in=page_revisions).values_list("revision_id", flat=True)
    ) | set(Publication.objects.filter(revision__in=page_revisions).values_list("revision_id", flat=True))
    live_id = getattr(revision.content_object, "live_revision_id", None)
    if live_id is not None and live_id <= revision.pk:
        reviewed_ids.add(live_id)
    earlier = [pk for pk in reviewed_ids if pk is not None and pk < revision.pk]
    since = page_revisions.filter(pk__gt=max(earlier)) if earlier else page_revisions
    return since.filter(user_id=user.pk).order_by("-pk").values_list("pk", flat=True).first()


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _verifier(user: Any) -> dict[str, Any] | None:
    """Who recorded a verification, as it stood: kept even if the account is later renamed or deleted."""
    if user is None:
        return None
    return {"id": user.pk, "username": user.get_username(), "name": user.get_full_name() or user.get_username()}


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
        "review_languages": sorted(provider.review_languages()),
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
                "verified_by": _verifier(holding.verified_by),
            }
            for holding in holdings
        ],
    }
