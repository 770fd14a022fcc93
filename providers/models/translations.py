"""Reader-facing text of clinicians, centers, vocabulary terms and crisis lines in the other content languages.

A clinician, center or term is *one* object in every language: its credentials, account link, slugs, relations
and bylines are the same, only the words readers see differ. So a translation is not a copy of the object (as
an article translation is) but a child row of it — :class:`Translation`: a locale and the translated fields —
edited in the object's own form ("Translations" panel). The object's own fields are the source language
(``settings.LANGUAGE_CODE``, the first of ``LANGUAGES``).

The one rule for reading them, per field: the translation's text when the locale has a row and the field is not
blank, otherwise the source language's. :func:`prefer` is that rule; :func:`text_in` applies it to an object
(saved with prefetched rows, or an unsaved preview with in-memory rows) and :func:`text_in_sql` writes the same
rule as an ORM expression for ``values()`` and union queries.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField

from .centers import TreatmentCenter
from .clinicians import BIO_FEATURES, Provider
from .crisis import CrisisResource
from .vocabularies import Language, LevelOfCare, Payer, Population, Service, Topic

RELATED_NAME = "translations"


def source_language() -> str:
    """The language of the objects' own fields (and of text without a translation)."""
    return settings.LANGUAGE_CODE


def is_source(locale: str | None) -> bool:
    return not locale or locale == source_language()


def prefer(translated: Any, source: Any) -> Any:
    """The fallback rule, per field: the translation's text unless it is missing or blank."""
    return translated if translated not in (None, "") else source


def translation_of(obj: Any, locale: str | None) -> Translation | None:
    """``obj``'s translation row in ``locale`` (from its prefetched or in-memory rows), or None."""
    if is_source(locale) or not hasattr(obj, RELATED_NAME):
        return None
    for row in getattr(obj, RELATED_NAME).all():
        if row.locale_id and row.locale.language_code == locale:
            return row
    return None


def text_in(obj: Any, field: str, locale: str | None) -> Any:
    """``obj.<field>`` in ``locale``, falling back to the source language's text."""
    row = translation_of(obj, locale)
    return prefer(getattr(row, field, None), getattr(obj, field)) if row is not None else getattr(obj, field)


def text_in_sql(model: type[models.Model], field: str, locale: str | None, relation: str = "") -> Any:
    """:func:`text_in` as an ORM expression on a query whose rows are ``model`` (``relation=""``) or point at it
    through the foreign key ``relation`` (e.g. ``"topic"`` on an M2M through table). The source language is the
    plain column, so queries in the default locale are unchanged."""
    source = F(f"{relation}__{field}" if relation else field)
    if is_source(locale):
        return source
    translation_model: Any = model._meta.get_field(RELATED_NAME).related_model
    output: Any = model._meta.get_field(field)
    translated = Subquery(
        translation_model.objects.filter(
            **{translation_model.parent_field: OuterRef(f"{relation}_id" if relation else "pk")},
            locale__language_code=locale,
        ).values(field)[:1],
        output_field=output,
    )
    return Coalesce(NullIf(translated, Value("")), source, output_field=output)


def translated_models() -> list[type[Translation]]:
    """Every concrete translation model (the rebuild rules and their test enumerate them)."""
    return _concrete(Translation)


def _concrete(base: type) -> list:
    found: list = []
    sub: Any
    for sub in base.__subclasses__():
        if not sub._meta.abstract:
            found.append(sub)
        found.extend(_concrete(sub))
    return found


class Translation(models.Model):
    """One locale's text for some reader-facing fields of a parent object (declared by subclasses)."""

    locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="The language of this text. Fields left blank show the original language's text.",
    )

    translated_fields: ClassVar[tuple[str, ...]] = ()
    parent_field: ClassVar[str] = ""  # the ParentalKey's attname, e.g. "term_id"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.locale_id and self.locale.get_display_name()} translation"

    def clean(self) -> None:
        super().clean()
        if self.locale_id and self.locale.language_code == source_language():
            raise ValidationError(
                {"locale": "This is the original language: write its text in the fields above, not as a translation."}
            )


def _unique(parent: str, name: str) -> list[models.BaseConstraint]:
    return [models.UniqueConstraint(fields=[parent, "locale"], name=name)]


# --- vocabulary terms: their label and description ------------------------------------------------------------


class TermTranslation(Translation):
    name = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)

    translated_fields = ("name", "description")
    parent_field = "term_id"
    panels = [FieldRowPanel([FieldPanel("locale"), FieldPanel("name")]), FieldPanel("description")]

    class Meta:
        abstract = True


class TopicTranslation(TermTranslation):
    term = ParentalKey(Topic, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_topic_translation_unique")


class LevelOfCareTranslation(TermTranslation):
    term = ParentalKey(LevelOfCare, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_levelofcare_translation_unique")


class ServiceTranslation(TermTranslation):
    term = ParentalKey(Service, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_service_translation_unique")


class PayerTranslation(TermTranslation):
    term = ParentalKey(Payer, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_payer_translation_unique")


class PopulationTranslation(TermTranslation):
    term = ParentalKey(Population, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_population_translation_unique")


class LanguageTranslation(TermTranslation):
    term = ParentalKey(Language, on_delete=models.CASCADE, related_name=RELATED_NAME)

    class Meta:
        constraints = _unique("term", "providers_language_translation_unique")


# --- clinicians, centers, crisis lines -------------------------------------------------------------------------


class ProviderTranslation(Translation):
    """A clinician's job title and bio in another language (name, credentials and links stay the clinician's)."""

    provider = ParentalKey(Provider, on_delete=models.CASCADE, related_name=RELATED_NAME)
    job_title = models.CharField(max_length=200, blank=True)
    bio = RichTextField(features=BIO_FEATURES, blank=True)

    translated_fields = ("job_title", "bio")
    parent_field = "provider_id"
    panels = [FieldRowPanel([FieldPanel("locale"), FieldPanel("job_title")]), FieldPanel("bio")]

    class Meta:
        constraints = _unique("provider", "providers_provider_translation_unique")


class TreatmentCenterTranslation(Translation):
    """A center's description in another language (program names are their levels of care's labels)."""

    center = ParentalKey(TreatmentCenter, on_delete=models.CASCADE, related_name=RELATED_NAME)
    summary = models.TextField(blank=True)

    translated_fields = ("summary",)
    parent_field = "center_id"
    panels = [FieldPanel("locale"), FieldPanel("summary")]

    class Meta:
        constraints = _unique("center", "providers_center_translation_unique")


class CrisisResourceTranslation(Translation):
    """A crisis line in another language: its name, description and how to reach it in that language (e.g. 988:
    call and press 2 for Spanish, text AYUDA, chat at 988lineadevida.org)."""

    resource = ParentalKey(CrisisResource, on_delete=models.CASCADE, related_name=RELATED_NAME)
    name = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    how_to_reach = models.TextField(blank=True)
    call_option = models.CharField(max_length=8, blank=True)
    text_keyword = models.CharField(max_length=32, blank=True)
    chat_url = models.URLField(blank=True)

    translated_fields = ("name", "description", "how_to_reach", "call_option", "text_keyword", "chat_url")
    parent_field = "resource_id"
    panels = [
        FieldRowPanel([FieldPanel("locale"), FieldPanel("name")]),
        FieldPanel("description"),
        FieldPanel("how_to_reach"),
        FieldRowPanel([FieldPanel("call_option"), FieldPanel("text_keyword"), FieldPanel("chat_url")]),
    ]

    class Meta:
        constraints = _unique("resource", "providers_crisisresource_translation_unique")
