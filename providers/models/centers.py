"""Treatment centers: listings with programs, hours, contacts, licenses and accreditations."""

from __future__ import annotations

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
from ..validators import validate_latitude, validate_longitude, validate_timezone, validate_us_state
from .clinicians import Provider


class TreatmentCenterQuerySet(models.QuerySet):
    def public(self) -> TreatmentCenterQuerySet:
        """Centers whose listing is published. Every public read path uses this."""
        return self.filter(live=True)


class TreatmentCenter(PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A treatment-center listing: where care happens, what it offers and who it serves."""

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
    listing_verified_on = models.DateField(null=True, blank=True, help_text="When this listing was last checked.")

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
                    FieldPanel("listing_verified_on"),
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
        errors = {}
        if self.listing_verified_on and self.listing_verified_on > today:
            errors["listing_verified_on"] = "A verification date cannot be in the future."
        if self.accepting_as_of and self.accepting_as_of > today:
            errors["accepting_as_of"] = "Give the date this was last confirmed; it cannot be in the future."
        if errors:
            raise ValidationError(errors)

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
