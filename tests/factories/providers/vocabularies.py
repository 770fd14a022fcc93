"""Vocabulary and crisis-resource factories; terms are looked up by slug so seeded ones are reused."""

from __future__ import annotations

from typing import Any

import factory
from django.db.models import Q
from django.utils.text import slugify
from factory.django import DjangoModelFactory

from providers.models import CrisisResource, Language, LevelOfCare, Payer, Population, Service, Topic

from .base import publish_if_asked


class VocabularyTermFactory(DjangoModelFactory):
    """Shared fields of every vocabulary term; looked up by slug so seeded terms are reused."""

    name = factory.Sequence(lambda n: f"Term {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)

    @classmethod
    def _adjust_kwargs(cls, **kwargs: Any) -> dict[str, Any]:
        # A term asked for by slug alone gets a readable, unique name derived from it.
        if kwargs.get("slug") and kwargs.get("name", "").startswith("Term "):
            kwargs["name"] = kwargs["slug"].replace("-", " ").capitalize()
        return kwargs


class TopicFactory(VocabularyTermFactory):
    """A topic or condition, e.g. ``TopicFactory(slug="depression")``."""

    shows_crisis_resources = False

    class Meta:
        model = Topic


class LevelOfCareFactory(VocabularyTermFactory):
    """A level of care; ``LevelOfCareFactory(slug="intensive-outpatient")`` returns the seeded IOP term."""

    samhsa_code = ""
    asam_level = ""

    class Meta:
        model = LevelOfCare


class ServiceFactory(VocabularyTermFactory):
    """A service or therapy, e.g. ``ServiceFactory(slug="dbt")``."""

    class Meta:
        model = Service


class PayerFactory(VocabularyTermFactory):
    """A payer, e.g. ``PayerFactory(slug="medicaid")``."""

    class Meta:
        model = Payer


class PopulationFactory(VocabularyTermFactory):
    """A population or age group, e.g. ``PopulationFactory(slug="adults")``."""

    is_age_group = False

    class Meta:
        model = Population


class LanguageFactory(VocabularyTermFactory):
    """A language; its BCP 47 code defaults to a unique placeholder (``x-1``)."""

    code = factory.Sequence(lambda n: f"x-{n}")

    class Meta:
        model = Language
        django_get_or_create = ()

    @classmethod
    def _create(cls, model_class: type[Language], *args: Any, **kwargs: Any) -> Language:
        # Reuse a seeded language asked for by slug ("spanish") or by code ("es").
        existing = model_class.objects.filter(Q(slug=kwargs["slug"]) | Q(code=kwargs["code"])).first()
        return existing or super()._create(model_class, *args, **kwargs)


# --- Crisis resources ---------------------------------------------------------------------------


class CrisisResourceFactory(DjangoModelFactory):
    """A live crisis line; pass ``live=False`` for a draft, ``publish=True`` to go through a revision."""

    name = factory.Sequence(lambda n: f"Crisis line {n}")
    call = "988"
    text = "988"
    chat_url = "https://988lifeline.org/chat/"
    sort_order = 10
    live = True

    class Meta:
        model = CrisisResource
        skip_postgeneration_save = True

    publish = factory.PostGeneration(publish_if_asked)
