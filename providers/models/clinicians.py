"""Clinicians (providers): profiles whose names and post-nominals are rendered from structured credentials."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from ..forms import ProviderAdminForm
from ..panels import FixedRowsInlinePanel
from ..validators import validate_npi

if TYPE_CHECKING:
    from .credentials import CredentialHolding

BIO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ProviderQuerySet(models.QuerySet):
    def public(self) -> ProviderQuerySet:
        """Clinicians whose profile is published. Every public read path uses this."""
        return self.filter(live=True)


class Provider(PreviewableMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    """A clinician: medical or clinical provider whose profile, credentials and sign-offs are public."""

    class Category(models.TextChoices):
        MEDICAL = "medical", "Medical provider"
        CLINICAL = "clinical", "Clinical provider"
        OTHER = "other", "Other staff"

    class Honorific(models.TextChoices):
        NONE = "", "None"
        DR = "Dr.", "Dr."

    honorific = models.CharField(max_length=8, choices=Honorific.choices, blank=True)
    name = models.CharField(max_length=200, help_text="Name without honorific or credentials, e.g. Michael Vines.")
    slug = models.SlugField(max_length=200, unique=True)
    photo = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    category = models.CharField(max_length=12, choices=Category.choices)
    job_title = models.CharField(max_length=200, blank=True)
    bio = RichTextField(features=BIO_FEATURES, blank=True)
    npi = models.CharField(
        "NPI", max_length=10, blank=True, validators=[validate_npi], help_text="10-digit National Provider Identifier."
    )
    specialties = ParentalManyToManyField("providers.Topic", blank=True, related_name="specialists")
    centers = ParentalManyToManyField("providers.TreatmentCenter", blank=True, related_name="providers")
    languages = ParentalManyToManyField(
        "providers.Language",
        blank=True,
        related_name="clinicians",
        verbose_name="languages read",
        help_text="Languages this clinician reads well enough to review content in. A clinical sign-off of a "
        "translation needs its language here; none listed means the site's default language only.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="provider",
        help_text="The admin account this clinician signs off with.",
    )

    objects = ProviderQuerySet.as_manager()

    base_form_class = ProviderAdminForm

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("job_title"),
        index.SearchField("bio"),
        index.FilterField("category"),
        index.FilterField("live"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldRowPanel([FieldPanel("honorific"), FieldPanel("name")]),
                    FieldPanel("slug"),
                    FieldRowPanel([FieldPanel("category"), FieldPanel("job_title")]),
                    FieldPanel("photo"),
                    FieldPanel("bio"),
                ],
                heading="Profile",
            ),
            ObjectList(
                [
                    InlinePanel(
                        "translations",
                        heading="Translations",
                        label="Translation",
                        help_text="The job title and bio in another language. Blank fields show the profile's text.",
                    )
                ],
                heading="Translations",
            ),
            ObjectList(
                [FixedRowsInlinePanel("credential_holdings", heading="Credentials", label="Credential")],
                heading="Credentials",
            ),
            ObjectList(
                [
                    FieldPanel("npi"),
                    FieldPanel("specialties"),
                    FieldPanel("centers"),
                    FieldPanel("languages"),
                    MultiFieldPanel([FieldPanel("user")], heading="Admin account"),
                ],
                heading="Practice",
            ),
        ]
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "clinician"

    def __str__(self) -> str:
        return self.display_name

    # --- Derived values: the one place names and verification stamps are computed ----------------

    def holdings_in_display_order(self) -> list[CredentialHolding]:
        """Every credential holding, in the order editors arranged them (works on unsaved previews too)."""
        return sorted(self.credential_holdings.all(), key=lambda holding: holding.sort_order or 0)

    def byline_holdings(self) -> list[CredentialHolding]:
        """Holdings printed after the name, in display order: shown, active and unexpired."""
        today = timezone.localdate()
        return [
            holding
            for holding in self.holdings_in_display_order()
            if holding.show_on_byline and holding.status == holding.Status.ACTIVE and not holding.is_expired(today)
        ]

    @property
    def post_nominals(self) -> list[str]:
        return [holding.credential.code for holding in self.byline_holdings()]

    @property
    def display_name(self) -> str:
        """E.g. "Dr. Michael Vines, MD" — rendered from the honorific and credential holdings, never typed."""
        name = f"{self.honorific} {self.name}" if self.honorific else self.name
        return ", ".join([name, *self.post_nominals])

    def credentials_last_verified(self) -> datetime.date | None:
        """The oldest verification among the credentials shown on the byline (None if one is unverified)."""
        dates = [holding.verified_on for holding in self.byline_holdings()]
        verified = [date for date in dates if date is not None]
        if not dates or len(verified) < len(dates):
            return None
        return min(verified)

    def credential_flags(self) -> dict[str, list[str]]:
        """Credential code -> problems (expired, expiring, stale, unverified…), for credentials with any."""
        today = timezone.localdate()
        flags: dict[str, list[str]] = {}
        for holding in self.holdings_in_display_order():
            own = self.user_id is not None and holding.verified_on and holding.verified_by_id == self.user_id
            for flag in holding.flags(today) + (["verified by this clinician"] if own else []):
                # The same code held twice (e.g. LPC in two states) reports each problem once.
                if flag not in flags.setdefault(holding.credential.code, []):
                    flags[holding.credential.code].append(flag)
        return {code: problems for code, problems in flags.items() if problems}

    def can_sign_off(self) -> bool:
        """A reviewer needs at least one byline credential in good standing and none expired on the byline.

        Verifications the linked account recorded itself do not count (W7: no eligibility one granted oneself).
        """
        today = timezone.localdate()
        shown = [holding for holding in self.credential_holdings.all() if holding.show_on_byline]
        return bool(shown) and all(holding.is_in_good_standing(today, reviewer_id=self.user_id) for holding in shown)

    def review_languages(self) -> set[str]:
        """Primary language subtags this clinician reviews content in (none listed: the default language)."""
        listed = {language.code.split("-")[0].lower() for language in self.languages.all()}
        return listed or {settings.LANGUAGE_CODE.split("-")[0].lower()}

    def reads_language(self, code: str) -> bool:
        """May review content in ``code`` (BCP 47; ``es-MX`` counts as ``es``)."""
        return code.split("-")[0].lower() in self.review_languages()

    # --- Admin preview -----------------------------------------------------------------------------

    def get_preview_template(self, request, mode_name):
        return "previews/provider.html"

    def get_preview_context(self, request, mode_name) -> dict:
        """The profile as the public will see it, plus the compliance notes only editors see."""
        context = super().get_preview_context(request, mode_name)
        today = timezone.localdate()
        byline = self.byline_holdings()
        context["holdings"] = [
            {"holding": holding, "flags": holding.flags(today), "on_byline": holding in byline}
            for holding in self.holdings_in_display_order()
        ]
        context["credentials_last_verified"] = self.credentials_last_verified()
        context["credential_flags"] = self.credential_flags()
        centers = list(self.centers.all())
        context["public_centers"] = [center for center in centers if center.live]
        context["unpublished_centers"] = [center for center in centers if not center.live]
        context["specialties"] = list(self.specialties.all())
        return context
