"""Controlled vocabularies: data seeded by migration and editable in the admin."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index


def translations_panel() -> InlinePanel:
    """The "Translations" panel of a term's form (rows of ``providers.models.translations``)."""
    return InlinePanel(
        "translations",
        heading="Translations",
        label="Translation",
        help_text="The label and description in another language. Blank fields show the text above.",
    )


class VocabularyTerm(index.Indexed, ClusterableModel):
    """A term of a controlled vocabulary, addressed by slug in the API, with its SAMHSA code where one exists.

    Its label and description are translated in child rows (``providers.models.translations``): one term in
    every language, so filters by slug and relations never depend on the locale."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    description = models.TextField(blank=True)
    samhsa_code = models.CharField(
        "SAMHSA code",
        max_length=12,
        blank=True,
        help_text="The code SAMHSA's treatment locator uses for this term, where one exists (e.g. DBT, MD, SP).",
    )
    sort_order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers are listed first.")

    term_panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("samhsa_code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    panels = [*term_panels, translations_panel()]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("samhsa_code"),
        index.FilterField("slug"),
    ]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Topic(VocabularyTerm):
    """A health topic or condition an article covers or a center treats (depression, anxiety…)."""

    shows_crisis_resources = models.BooleanField(
        default=False,
        help_text="Articles on this topic show the crisis resources (988) — e.g. depression, suicide, substance use.",
    )

    panels = [*VocabularyTerm.term_panels, FieldPanel("shows_crisis_resources"), translations_panel()]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "topic"


class LevelOfCare(VocabularyTerm):
    """A level of care, with its SAMHSA service code and ASAM level (e.g. intensive outpatient: OIT, 2.1)."""

    asam_level = models.CharField(
        "ASAM level",
        max_length=8,
        blank=True,
        help_text="ASAM Criteria level of care, e.g. 2.1 for intensive outpatient.",
    )

    panels = [*VocabularyTerm.term_panels, FieldPanel("asam_level"), translations_panel()]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "level of care"
        verbose_name_plural = "levels of care"


class Service(VocabularyTerm):
    """A service or therapy a center offers (DBT, CBT, group therapy…)."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "service or therapy"
        verbose_name_plural = "services and therapies"


class Payer(VocabularyTerm):
    """A way to pay a center accepts (Medicaid, private insurance, self-pay…)."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = "payer"


class Population(VocabularyTerm):
    """A population or age group a center serves (adolescents, adults, veterans…)."""

    is_age_group = models.BooleanField(default=False, help_text="An age group (adolescents, adults…).")

    panels = [*VocabularyTerm.term_panels, FieldPanel("is_age_group"), translations_panel()]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "population"


class Language(VocabularyTerm):
    """A language services are offered in."""

    code = models.CharField(
        "language code",
        max_length=12,
        unique=True,
        validators=[
            RegexValidator(
                r"^([a-z]{2,3}|x)(-[A-Za-z0-9]{1,8})*$",
                "Use a BCP 47 language tag in lower case, e.g. en, es or zh-Hant.",
                code="language_code",
            )
        ],
        help_text="BCP 47, e.g. en, es.",
    )

    panels = [*VocabularyTerm.term_panels, FieldPanel("code"), translations_panel()]

    class Meta(VocabularyTerm.Meta):
        verbose_name = "language"
