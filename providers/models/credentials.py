"""Credentials as structured holdings: a vocabulary of credentials and each clinician's verified holdings."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable


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
            ],
            heading="Verification",
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "credential"

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
        if (self.verification_method or self.verification_source) and not self.verified_on:
            errors["verified_on"] = "Give the date this credential was verified."
        if errors:
            raise ValidationError(errors)

    def is_expired(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status == self.Status.EXPIRED or (self.expires_on is not None and self.expires_on < today)

    def is_in_good_standing(self, today: datetime.date | None = None) -> bool:
        """Active, unexpired and verified: what a reviewer needs to sign off."""
        return self.status == self.Status.ACTIVE and not self.is_expired(today) and self.verified_on is not None

    def flags(self, today: datetime.date | None = None) -> list[str]:
        """Problems compliance should see: expired, expiring (soon), stale (old verification), unverified."""
        today = today or timezone.localdate()
        flags = []
        if self.is_expired(today):
            flags.append("expired")
        elif self.expires_on and self.expires_on <= today + datetime.timedelta(
            days=settings.CREDENTIAL_EXPIRY_WARNING_DAYS
        ):
            flags.append("expiring")
        if self.status in (self.Status.INACTIVE, self.Status.REVOKED):
            flags.append(self.status)
        if self.verified_on is None:
            flags.append("unverified")
        elif self.verified_on < today - datetime.timedelta(days=settings.CREDENTIAL_STALE_AFTER_DAYS):
            flags.append("stale")
        return flags
