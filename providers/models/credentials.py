"""Credentials as structured holdings: a vocabulary of credentials and each clinician's verified holdings."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from ..panels import VerifierPanel


class Credential(models.Model):
    """A credential a clinician can hold: a degree, license, designation or certification (MD, LPC-S, PMHNP…)."""

    class Kind(models.TextChoices):
        DEGREE = "degree", "Degree"
        LICENSE = "license", "License"
        DESIGNATION = "designation", "Designation"
        CERTIFICATION = "certification", "Certification"

    code = models.CharField(max_length=24, unique=True, help_text="Post-nominal as it is printed, e.g. LPC-S.")
    name = models.CharField(max_length=200, help_text="Full name, e.g. Licensed Professional Counselor – Supervisor.")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    issuer = models.CharField(max_length=200, blank=True, help_text="Issuing board or body.")

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("kind"), FieldPanel("issuer")]

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


# --- Expired and expiring: the one statement of the rule, in Python (``expiry_state``) and in SQL -------------

EXPIRED = "expired"
EXPIRING = "expiring"


def expiry_warning_horizon(today: datetime.date) -> datetime.date:
    """The last expiry date that counts as "expiring" on ``today``."""
    return today + datetime.timedelta(days=settings.CREDENTIAL_EXPIRY_WARNING_DAYS)


def stale_before(today: datetime.date) -> datetime.date:
    """A verification older than this date is "stale" on ``today`` (``CREDENTIAL_STALE_AFTER_DAYS``)."""
    return today - datetime.timedelta(days=settings.CREDENTIAL_STALE_AFTER_DAYS)


def expired_q(today: datetime.date) -> Q:
    """Holdings in the ``"expired"`` state on ``today`` (see ``CredentialHolding.expiry_state``)."""
    return Q(status=CredentialHolding.Status.EXPIRED) | Q(expires_on__lt=today)


def expiring_q(today: datetime.date) -> Q:
    """Holdings in the ``"expiring"`` state on ``today``: active ones only; an expired one is not "expiring"."""
    return Q(
        status=CredentialHolding.Status.ACTIVE,
        expires_on__gte=today,
        expires_on__lte=expiry_warning_horizon(today),
    )


class CredentialHolding(Orderable):
    """One credential held by one clinician, with its verification record. Ordered as printed after the name."""

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        INACTIVE = "inactive", "Inactive"
        EXPIRED = "expired", "Expired"
        REVOKED = "revoked", "Revoked"

    class VerificationMethod(models.TextChoices):
        PRIMARY_SOURCE = "primary_source", "Primary source (issuing board lookup)"
        DOCUMENT = "document", "Copy of the document"
        ATTESTATION = "attestation", "Self-attestation"

    provider = ParentalKey("providers.Provider", on_delete=models.CASCADE, related_name="credential_holdings")
    credential = models.ForeignKey(Credential, on_delete=models.PROTECT, related_name="holdings")
    jurisdiction = models.CharField(max_length=64, blank=True, help_text="State or country, for licenses (e.g. AZ).")
    number = models.CharField(max_length=64, blank=True, help_text="License or certificate number.")
    number_is_public = models.BooleanField(default=False, help_text="Show the number in the public API.")
    issued_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.ACTIVE)
    show_on_byline = models.BooleanField(default=True, help_text="Print this credential after the clinician's name.")
    verified_on = models.DateField(null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verification_method = models.CharField(max_length=16, choices=VerificationMethod.choices, blank=True)
    verification_source = models.URLField(blank=True, help_text="Where it was verified (board lookup URL).")

    panels = [
        FieldRowPanel([FieldPanel("credential"), FieldPanel("status"), FieldPanel("show_on_byline")]),
        FieldRowPanel([FieldPanel("jurisdiction"), FieldPanel("number"), FieldPanel("number_is_public")]),
        FieldRowPanel([FieldPanel("issued_on"), FieldPanel("expires_on")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("verified_on"), FieldPanel("verification_method")]),
                FieldPanel("verification_source"),
                VerifierPanel(),
            ],
            heading="Verification",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "credential"
        permissions = [
            ("manage_credentials", "Can change credentials, verification records and reviewer account links"),
        ]

    def __str__(self) -> str:
        return self.credential.code

    def clean(self) -> None:
        today = timezone.localdate()
        errors = {}
        if self.issued_on and self.expires_on and self.expires_on <= self.issued_on:
            errors["expires_on"] = "A credential must expire after the date it was issued."
        if self.issued_on and self.issued_on > today:
            errors["issued_on"] = "An issue date cannot be in the future."
        if self.verified_on and self.verified_on > today:
            errors["verified_on"] = "A verification date cannot be in the future."
        if self.verified_on and not self.verification_method:
            errors["verification_method"] = "Say how this credential was verified."
        if self.verified_on and not self.verification_source:
            errors["verification_source"] = "Say where this credential was verified (the board lookup URL)."
        if (self.verification_method or self.verification_source) and not self.verified_on:
            errors["verified_on"] = "Give the date this credential was verified."
        if errors:
            raise ValidationError(errors)

    def is_expired(self, today: datetime.date | None = None) -> bool:
        return self.expiry_state(today) == EXPIRED

    def expiry_state(self, today: datetime.date | None = None) -> str | None:
        """``"expired"``, ``"expiring"`` or ``None``: the rule :func:`expired_q` and :func:`expiring_q` state in SQL.

        Expired: marked expired, or past its expiry date. Expiring: not expired, not inactive or revoked, and
        expiring within ``CREDENTIAL_EXPIRY_WARNING_DAYS`` (today counts: it is still valid today).
        """
        today = today or timezone.localdate()
        if self.status == self.Status.EXPIRED or (self.expires_on is not None and self.expires_on < today):
            return EXPIRED
        if (
            self.status == self.Status.ACTIVE
            and self.expires_on is not None
            and self.expires_on <= expiry_warning_horizon(today)
        ):
            return EXPIRING
        return None

    def is_in_good_standing(self, today: datetime.date | None = None, reviewer_id: int | None = None) -> bool:
        """Active, unexpired and verified: what a reviewer needs to sign off.

        With ``reviewer_id``, a verification that reviewer recorded themselves does not count (W7).
        """
        return (
            self.status == self.Status.ACTIVE
            and not self.is_expired(today)
            and verification_counts_for(self, reviewer_id)
        )

    def flags(self, today: datetime.date | None = None) -> list[str]:
        """Problems compliance should see: expired, expiring (soon), stale (old verification), unverified."""
        today = today or timezone.localdate()
        flags = []
        state = self.expiry_state(today)
        if state is not None:
            flags.append(state)
        if self.status in (self.Status.INACTIVE, self.Status.REVOKED):
            flags.append(self.status)
        if self.verified_on is None:
            flags.append("unverified")
        elif self.verified_on < stale_before(today):
            flags.append("stale")
        return flags


# --- Who may change credentials and reviewer identity (W7) ---------------------------------------------------

CREDENTIALING_GROUP = "Credentialing"
MANAGE_CREDENTIALS_PERMISSION = "providers.manage_credentials"
# What decides whether (and as whom) a clinician may sign off: only Credentialing (or superusers) change these.
GOVERNED_PROVIDER_FIELDS = ("user", "category", "languages")
GOVERNED_HOLDING_FIELDS = (
    "credential",
    "jurisdiction",
    "number",
    "issued_on",
    "expires_on",
    "status",
    "show_on_byline",
    "verified_on",
    "verified_by",
    "verification_method",
    "verification_source",
)
REFUSED_MESSAGE = (
    "Only the Credentialing team can change credentials, their verification, the clinician's category, "
    "the languages they review in or the admin account linked to the profile."
)


class CredentialChangeRefused(PermissionDenied):
    """A user outside Credentialing tried to change what makes a clinician an eligible reviewer."""

    def __init__(self, message: str = REFUSED_MESSAGE) -> None:
        super().__init__(message)


def can_manage_credentials(user: Any) -> bool:
    """Superusers and holders of ``providers.manage_credentials`` (the "Credentialing" group)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(MANAGE_CREDENTIALS_PERMISSION))
    )


def _holding_state(holding: CredentialHolding) -> tuple:
    return tuple(
        getattr(holding, f"{name}_id" if name in ("credential", "verified_by") else name)
        for name in GOVERNED_HOLDING_FIELDS
    )


def governed_state(
    user_id: int | None, category: str | None, holdings: Iterable[CredentialHolding], language_ids: Iterable[int] = ()
) -> tuple:
    """What W7 protects, in a comparable form: the account link, the category, every holding's record and the
    languages the clinician reviews in (they decide which translations the account may sign off).

    Holdings compare as a multiset: their order on the byline is an editorial choice.
    """
    holdings_state = tuple(sorted((_holding_state(holding) for holding in holdings), key=repr))
    return (user_id, category, holdings_state, tuple(sorted(language_ids)))


def provider_governed_state(provider: Any) -> tuple:
    languages = [language.pk for language in provider.languages.all()]
    return governed_state(provider.user_id, provider.category, provider.credential_holdings.all(), languages)


def check_credential_change(user: Any, proposed: tuple, current: tuple | None) -> None:
    """Raise ``CredentialChangeRefused`` if ``user`` may not manage credentials and ``proposed`` differs from
    ``current`` (both from ``governed_state``). ``current`` is None for a new profile: it may choose its
    category but gets no account link and no credentials (so it cannot sign off)."""
    if can_manage_credentials(user):
        return
    unchanged = current if current is not None else (None, proposed[1], (), proposed[3])
    if proposed != unchanged:
        raise CredentialChangeRefused()


def verification_counts_for(holding: CredentialHolding, reviewer_id: int | None) -> bool:
    """A verification made by the reviewer themselves does not count towards their own eligibility."""
    return holding.verified_on is not None and (reviewer_id is None or holding.verified_by_id != reviewer_id)


def check_published_credentials(provider: Any) -> None:
    """``pre_save`` rule: a clinician going live on a revision changes what W7 protects only if Credentialing did.

    The form keeps editors from changing credentials, but every revision carries them, so publishing (or reverting
    to) an older revision could bring back a lapsed credential or another account link. A publish whose governed
    state differs from the stored one is refused unless the revision was saved by someone who may manage
    credentials, or a revision with that same governed state was saved by such a user after the current live one
    (an editor publishing bio changes on top of Credentialing's draft). Saves by code with no user pass.
    """
    if provider.pk is None or provider.live_revision_id is None:
        return
    model = type(provider)
    stored = model.objects.filter(pk=provider.pk).values_list("live_revision_id", flat=True).first()
    if stored == provider.live_revision_id:
        return
    proposed = provider_governed_state(provider)
    current = model.objects.prefetch_related("credential_holdings").get(pk=provider.pk)
    if proposed == provider_governed_state(current):
        return
    author = provider.live_revision.user
    if author is None or can_manage_credentials(author):
        return
    later = provider.revisions.filter(pk__gt=stored or 0).exclude(user=None).select_related("user").order_by("-pk")
    for revision in later:
        if can_manage_credentials(revision.user) and provider_governed_state(revision.as_object()) == proposed:
            return
    raise CredentialChangeRefused(
        "This version changes credentials, their verification or the linked account, which only the "
        "Credentialing team can do: publish a version Credentialing saved, or ask them to make the change."
    )
