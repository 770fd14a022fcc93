"""Treatment centers: listings with programs, hours, contacts, licenses and accreditations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.timezone import localdate
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, PreviewableMixin, RevisionMixin
from wagtail.search import index

from ..forms import TreatmentCenterAdminForm
from ..panels import VerifierPanel
from ..validators import validate_latitude, validate_longitude, validate_timezone, validate_us_state
from .clinicians import Provider


class TreatmentCenterQuerySet(models.QuerySet):
    def public(self) -> TreatmentCenterQuerySet:
        """Centers whose listing is published. Every public read path uses this."""
        return self.filter(live=True)


class TreatmentCenter(PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A treatment-center listing: where care happens, what it offers and who it serves."""

    class VerificationMethod(models.TextChoices):
        """How a listing was checked: with the facility itself or a public record of it."""

        PHONE = "phone", "Phone call with the facility"
        WRITTEN = "written", "Written confirmation from the facility"
        WEBSITE = "website", "The facility's website"
        LICENSE_LOOKUP = "license_lookup", "State licensing lookup"
        SITE_VISIT = "site_visit", "Site visit"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    summary = models.TextField(blank=True)
    is_sample_listing = models.BooleanField(
        default=False, help_text="Demo data: not a real facility. Shown as such wherever listed."
    )

    street = models.CharField(max_length=200)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, validators=[validate_us_state], help_text="Two-letter state code, e.g. AZ.")
    postal_code = models.CharField(
        max_length=10,
        validators=[RegexValidator(r"^\d{5}(-\d{4})?$", "Use a ZIP code such as 85013 or 85013-1234.", code="zip")],
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, validators=[validate_latitude], help_text="Decimal degrees, e.g. 33.509."
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, validators=[validate_longitude], help_text="Decimal degrees, e.g. -112.074."
    )
    timezone = models.CharField(
        max_length=64,
        default="America/Phoenix",
        validators=[validate_timezone],
        help_text="IANA time zone the hours are in, e.g. America/Phoenix.",
    )

    phone_main = models.CharField("main phone", max_length=32)
    phone_intake = models.CharField("intake phone", max_length=32, blank=True)
    phone_after_hours = models.CharField("after-hours phone", max_length=32, blank=True)
    website = models.URLField(blank=True)

    services = ParentalManyToManyField("providers.Service", blank=True, related_name="centers")
    conditions = ParentalManyToManyField("providers.Topic", blank=True, related_name="centers")
    populations = ParentalManyToManyField("providers.Population", blank=True, related_name="centers")
    languages = ParentalManyToManyField("providers.Language", blank=True, related_name="centers")
    payers = ParentalManyToManyField("providers.Payer", blank=True, related_name="centers")

    accepting_new_patients = models.BooleanField(default=True)
    accepting_as_of = models.DateField("accepting new patients as of", null=True, blank=True)
    # The listing's verification record. The admin form records who from the signed-in user (never typed):
    # TreatmentCenterAdminForm; what a recorded verification must say is in ``listing_verification_errors``.
    listing_verified_on = models.DateField(
        "verified on", null=True, blank=True, help_text="The day this listing was last checked; not in the future."
    )
    listing_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="verified by",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_verification_method = models.CharField(
        "how it was verified", max_length=16, choices=VerificationMethod.choices, blank=True
    )
    listing_verification_source = models.CharField(
        "where it was verified",
        max_length=300,
        blank=True,
        help_text="The page you checked, or whom you spoke to and on which number.",
    )

    objects = TreatmentCenterQuerySet.as_manager()

    base_form_class = TreatmentCenterAdminForm

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("summary"),
        index.SearchField("city", boost=2),
        index.FilterField("state"),
        index.FilterField("live"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("is_sample_listing"),
                    MultiFieldPanel(
                        [
                            FieldPanel("street"),
                            FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("postal_code")]),
                            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("timezone")]),
                        ],
                        heading="Address",
                    ),
                    MultiFieldPanel(
                        [
                            FieldRowPanel([FieldPanel("phone_main"), FieldPanel("phone_intake")]),
                            FieldRowPanel([FieldPanel("phone_after_hours"), FieldPanel("website")]),
                        ],
                        heading="Contact",
                    ),
                    InlinePanel("contacts", heading="Contacts", label="Contact"),
                    InlinePanel("hours", heading="Opening hours", label="Hours"),
                ],
                heading="Listing",
            ),
            ObjectList(
                [
                    InlinePanel("programs", heading="Programs", label="Program"),
                    FieldPanel("services"),
                    FieldPanel("conditions"),
                    FieldPanel("populations"),
                    FieldPanel("languages"),
                    FieldPanel("payers"),
                    FieldRowPanel([FieldPanel("accepting_new_patients"), FieldPanel("accepting_as_of")]),
                ],
                heading="Care",
            ),
            ObjectList(
                [
                    InlinePanel("licenses", heading="Licenses", label="License"),
                    InlinePanel("accreditations", heading="Accreditations", label="Accreditation"),
                    MultiFieldPanel(
                        [
                            FieldPanel("listing_verified_today"),
                            FieldRowPanel(
                                [FieldPanel("listing_verified_on"), FieldPanel("listing_verification_method")]
                            ),
                            FieldPanel("listing_verification_source"),
                            VerifierPanel("listing_verified_by"),
                        ],
                        heading="Listing verification",
                    ),
                ],
                heading="Compliance",
            ),
            ObjectList(
                [
                    InlinePanel(
                        "translations",
                        heading="Translations",
                        label="Translation",
                        help_text="The description in another language (programs are named by their level of care, "
                        "translated with the vocabulary). Blank fields show the listing's text.",
                    )
                ],
                heading="Translations",
            ),
        ]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "treatment center"

    def __str__(self) -> str:
        return f"{self.name} ({self.city}, {self.state})"

    def clean(self) -> None:
        super().clean()
        today = localdate()
        errors = self.listing_verification_errors(today)
        if self.accepting_as_of and self.accepting_as_of > today:
            errors["accepting_as_of"] = "Give the date this was last confirmed; it cannot be in the future."
        if errors:
            raise ValidationError(errors)

    def listing_verification_errors(self, today: datetime.date) -> dict[str, str]:
        """What is wrong with the listing's verification record, by field.

        The date is never in the future; how and where need a date; and a verification with a recorded verifier
        (every one recorded in the admin since verifiers were recorded) says how and where it was made. Older
        verifications, with no verifier, are left as they are until someone verifies the listing again.
        """
        errors = {}
        verified_on = self.listing_verified_on
        if verified_on and verified_on > today:
            errors["listing_verified_on"] = (
                "A listing cannot be verified in the future: give today's date or an earlier one."
            )
        if not verified_on and (self.listing_verification_method or self.listing_verification_source):
            errors["listing_verified_on"] = "Give the date this listing was verified, or clear how and where."
        if verified_on and self.listing_verified_by_id is not None:
            if not self.listing_verification_method:
                errors["listing_verification_method"] = "Say how you verified this listing."
            if not self.listing_verification_source:
                errors["listing_verification_source"] = (
                    "Say where you verified it: the page you checked, or whom you spoke to and on which number."
                )
        return errors

    def get_preview_template(self, request, mode_name):
        return "previews/center.html"

    def get_preview_context(self, request, mode_name) -> dict:
        """The listing as the public will see it: hours by weekday, programs in order, public clinicians."""
        context = super().get_preview_context(request, mode_name)
        today = localdate()
        context["hours_by_day"] = self.hours_by_day()
        context["programs"] = sorted(self.programs.all(), key=lambda program: program.sort_order or 0)
        context["licenses"] = [
            {"license": license, "expired": bool(license.expires_on and license.expires_on < today)}
            for license in sorted(self.licenses.all(), key=lambda license: license.sort_order or 0)
        ]
        context["clinicians"] = (
            Provider.objects.public().filter(centers=self).prefetch_related("credential_holdings__credential")
            if self.pk
            else Provider.objects.none()
        )
        return context

    def hours_by_day(self) -> list[tuple[str, list[CenterHours]]]:
        """(day label, opening ranges in time order) for each day with hours, Monday first."""
        days = list(CenterHours.Day)
        by_day: dict[str, list[CenterHours]] = {}
        for hours in sorted(self.hours.all(), key=lambda row: (days.index(row.day), row.opens)):
            by_day.setdefault(hours.day, []).append(hours)
        return [(CenterHours.Day(day).label, ranges) for day, ranges in by_day.items()]


class CenterHours(Orderable):
    """Opening hours for one day of the week."""

    class Day(models.TextChoices):
        MONDAY = "monday", "Monday"
        TUESDAY = "tuesday", "Tuesday"
        WEDNESDAY = "wednesday", "Wednesday"
        THURSDAY = "thursday", "Thursday"
        FRIDAY = "friday", "Friday"
        SATURDAY = "saturday", "Saturday"
        SUNDAY = "sunday", "Sunday"

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name="hours")
    day = models.CharField(max_length=9, choices=Day.choices)
    opens = models.TimeField()
    closes = models.TimeField()

    panels = [FieldRowPanel([FieldPanel("day"), FieldPanel("opens"), FieldPanel("closes")])]

    def clean(self) -> None:
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})


class CenterProgram(Orderable):
    """A program run at a center: a level of care with its schedule and modality."""

    class Modality(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        TELEHEALTH = "telehealth", "Telehealth"
        HYBRID = "hybrid", "In person and telehealth"

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name="programs")
    level_of_care = models.ForeignKey("providers.LevelOfCare", on_delete=models.PROTECT, related_name="programs")
    days_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    hours_per_week = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(168)]
    )
    schedule = models.CharField(max_length=200, blank=True, help_text="e.g. Mon/Wed/Fri 9am–12pm")
    modality = models.CharField(max_length=12, choices=Modality.choices, default=Modality.IN_PERSON)

    panels = [
        FieldRowPanel([FieldPanel("level_of_care"), FieldPanel("modality")]),
        FieldRowPanel([FieldPanel("days_per_week"), FieldPanel("hours_per_week"), FieldPanel("schedule")]),
    ]

    def clean(self) -> None:
        if self.days_per_week and self.hours_per_week and self.hours_per_week > self.days_per_week * 24:
            raise ValidationError({"hours_per_week": "More hours than the days per week allow."})


class CenterLicense(Orderable):
    """A state license or an accreditation (Joint Commission, CARF…) held by a center."""

    class Kind(models.TextChoices):
        LICENSE = "license", "License"
        ACCREDITATION = "accreditation", "Accreditation"

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name="licenses")
    kind = models.CharField(max_length=14, choices=Kind.choices)
    name = models.CharField(max_length=200)
    issuer = models.CharField(max_length=200, blank=True)
    number = models.CharField(max_length=64, blank=True)
    expires_on = models.DateField(null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("number"), FieldPanel("expires_on")]),
    ]
