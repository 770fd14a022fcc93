"""How to reach a treatment center (typed contacts) and who accredits it (accreditations with ids and dates)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .centers import TreatmentCenter


class CenterContact(Orderable):
    """A phone number, e-mail address or intake form of a center, with what it is for."""

    class Kind(models.TextChoices):
        PHONE = "phone", "Phone"
        EMAIL = "email", "E-mail"
        INTAKE = "intake", "Online intake form"

    class Purpose(models.TextChoices):
        ADMISSIONS = "admissions", "Admissions and intake"
        GENERAL = "general", "General questions"
        AFTER_HOURS = "after_hours", "After hours"
        REFERRALS = "referrals", "Referrals from professionals"
        BILLING = "billing", "Billing and insurance"
        RECORDS = "records", "Medical records"

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    purpose = models.CharField(max_length=12, choices=Purpose.choices, default=Purpose.GENERAL)
    label = models.CharField(max_length=100, blank=True, help_text="Optional, e.g. “Admissions line”.")
    value = models.CharField(
        max_length=254, help_text="Phone number (e.g. (602) 555-0100), e-mail address, or the intake form's https URL."
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("purpose")]),
        FieldRowPanel([FieldPanel("value"), FieldPanel("label")]),
    ]

    def clean(self) -> None:
        value = (self.value or "").strip()
        if self.kind == self.Kind.PHONE and not phone_digits(value):
            raise ValidationError({"value": "Enter a phone number with 7 to 15 digits."})
        if self.kind == self.Kind.EMAIL:
            try:
                validate_email(value)
            except ValidationError as error:
                raise ValidationError({"value": error.messages}) from error
        if self.kind == self.Kind.INTAKE and not value.lower().startswith("https://"):
            raise ValidationError({"value": "Give the intake form's https:// address."})

    def action_url(self) -> str:
        """``tel:``, ``mailto:`` or the form's URL."""
        if self.kind == self.Kind.PHONE:
            return "tel:+" + (phone_digits(self.value) or "")
        if self.kind == self.Kind.EMAIL:
            return "mailto:" + self.value.strip()
        return self.value.strip()


def phone_digits(value: str) -> str | None:
    """The digits of a phone number with country code (US numbers get 1), or None if it is not one."""
    digits = "".join(character for character in value if character.isdigit())
    if not 7 <= len(digits) <= 15:
        return None
    return "1" + digits if len(digits) == 10 else digits


class CenterAccreditation(Orderable):
    """An accreditation held by a center, as the accrediting body states it."""

    class Body(models.TextChoices):
        JOINT_COMMISSION = "joint_commission", "The Joint Commission"
        CARF = "carf", "CARF International"
        COA = "coa", "Council on Accreditation (COA)"
        NCQA = "ncqa", "National Committee for Quality Assurance (NCQA)"
        LEGITSCRIPT = "legitscript", "LegitScript"
        OTHER = "other", "Other"

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name="accreditations")
    body = models.CharField("accrediting body", max_length=20, choices=Body.choices)
    other_body = models.CharField(max_length=200, blank=True, help_text="Name of the body when it is “Other”.")
    program = models.CharField(max_length=200, blank=True, help_text="What is accredited, e.g. Behavioral Health Care.")
    identifier = models.CharField("accreditation id", max_length=64, blank=True)
    accredited_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    verification_url = models.URLField(blank=True, help_text="The body's public page confirming it.")

    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("other_body")]),
        FieldRowPanel([FieldPanel("program"), FieldPanel("identifier")]),
        FieldRowPanel([FieldPanel("accredited_on"), FieldPanel("expires_on"), FieldPanel("verification_url")]),
    ]

    def clean(self) -> None:
        if self.body == self.Body.OTHER and not self.other_body.strip():
            raise ValidationError({"other_body": "Name the accrediting body."})
        if self.accredited_on and self.expires_on and self.expires_on <= self.accredited_on:
            raise ValidationError({"expires_on": "The accreditation must expire after it was granted."})

    @property
    def body_name(self) -> str:
        return self.other_body.strip() if self.body == self.Body.OTHER else self.get_body_display()
