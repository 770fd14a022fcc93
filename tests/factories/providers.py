"""factory_boy factories for every model of the ``providers`` app.

Vocabulary factories look terms up by slug (``django_get_or_create``), so ``LevelOfCareFactory(slug="intensive-outpatient")``
returns the term seeded by migration instead of clashing with it. Wherever a factory takes related terms
(``programs``, ``services``, ``specialties``…) it accepts model instances or slugs; credentials are given by code.

Examples::

    ProviderFactory(honorific="Dr.", name="Michael Vines", category="medical", credentials=["MD"])
    ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP", "PMHNP"], live=False)
    TreatmentCenterFactory(programs=["intensive-outpatient"], hours=True, services=["dbt", "group-therapy"])
    ProviderFactory(credentials=["LPC-S"], publish=True)   # saves a revision and publishes it
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import factory
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.text import slugify
from django.utils.timezone import localdate, now
from factory.django import DjangoModelFactory

from providers.models import (
    CenterHours,
    CenterLicense,
    CenterProgram,
    Credential,
    CredentialHolding,
    CrisisResource,
    Language,
    LevelOfCare,
    Payer,
    Population,
    Provider,
    Service,
    Topic,
    TreatmentCenter,
)
from providers.validators import npi_with_check_digit

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def days_ago(days: int) -> datetime.date:
    """The local date ``days`` days before today (negative for the future)."""
    return localdate() - datetime.timedelta(days=days)


def _terms(factory_class: type[DjangoModelFactory], values: Iterable[Any]) -> list[Any]:
    """Model instances for ``values``: instances pass through, strings are slugs looked up (or created)."""
    return [factory_class(slug=value) if isinstance(value, str) else value for value in values]


def _publish_if_asked(obj: Any, create: bool, extracted: bool | None, **kwargs: Any) -> None:
    """Save a revision and publish it (``publish=True``), as the admin's "Publish" does."""
    if create and extracted:
        obj.save_revision().publish()


# --- Vocabularies -------------------------------------------------------------------------------


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

    publish = factory.PostGeneration(_publish_if_asked)


# --- Credentials --------------------------------------------------------------------------------


class CredentialFactory(DjangoModelFactory):
    """A credential of the vocabulary, looked up by code (the seeded MD, LPC-S, PMHNP… are reused)."""

    code = factory.Sequence(lambda n: f"CRED{n}")
    name = factory.LazyAttribute(lambda credential: f"Credential {credential.code}")
    kind = Credential.Kind.LICENSE
    issuer = ""

    class Meta:
        model = Credential
        django_get_or_create = ("code",)


class ClinicianUserFactory(DjangoModelFactory):
    """An admin user account a clinician signs off with (``ProviderFactory(with_user=True)``)."""

    username = factory.Sequence(lambda n: f"clinician{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    first_name = "Clinician"
    password = factory.django.Password("clinician-password")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class ProviderFactory(DjangoModelFactory):
    """A live clinician. Keyword helpers (all optional):

    - ``credentials=["FNP", "CARN-AP"]`` — holdings in that display order, active and verified 30 days ago;
    - ``specialties=["depression"]``, ``centers=[center]`` — topics by slug or instance, centers by instance or slug;
    - ``with_user=True`` — links a new admin user; ``publish=True`` — saves and publishes a revision.
    """

    honorific = ""
    name = factory.Sequence(lambda n: f"Clinician {n}")
    slug = factory.LazyAttribute(lambda provider: slugify(provider.name))
    category = Provider.Category.CLINICAL
    job_title = ""
    bio = ""
    npi = ""
    live = True
    first_published_at = factory.LazyFunction(now)
    last_published_at = factory.LazyAttribute(lambda provider: provider.first_published_at)

    class Meta:
        model = Provider
        skip_postgeneration_save = True  # the hooks below save when they change the instance

    class Params:
        with_user = factory.Trait(user=factory.SubFactory(ClinicianUserFactory))
        medical = factory.Trait(category=Provider.Category.MEDICAL)
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None)
        with_npi = factory.Trait(npi=factory.Sequence(lambda n: npi_with_check_digit(f"{100000000 + n:09d}")))

    @factory.post_generation
    def credentials(provider: Provider, create: bool, extracted: Iterable[str] | None, **kwargs: Any) -> None:
        """Holdings for the given credential codes, in display order; ``credentials__verified_on`` etc. apply to all."""
        if not create or not extracted:
            return
        for position, code in enumerate(extracted):
            CredentialHoldingFactory(
                provider=provider, credential=CredentialFactory(code=code), sort_order=position, **kwargs
            )

    @factory.post_generation
    def specialties(provider: Provider, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            provider.specialties.set(_terms(TopicFactory, extracted))
            provider.save()

    @factory.post_generation
    def centers(provider: Provider, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            centers = [TreatmentCenter.objects.get(slug=c) if isinstance(c, str) else c for c in extracted]
            provider.centers.set(centers)
            provider.save()

    # Declared last so the published revision contains the credentials and relations above.
    publish = factory.PostGeneration(_publish_if_asked)


class CredentialHoldingFactory(DjangoModelFactory):
    """A clinician's credential: active, shown on the byline, verified 30 days ago, expiring in two years."""

    provider = factory.SubFactory(ProviderFactory)
    credential = factory.SubFactory(CredentialFactory)
    jurisdiction = "AZ"
    number = factory.Sequence(lambda n: f"LIC-{n:05d}")
    number_is_public = False
    issued_on = factory.LazyFunction(lambda: days_ago(3 * 365))
    expires_on = factory.LazyFunction(lambda: days_ago(-2 * 365))
    status = CredentialHolding.Status.ACTIVE
    show_on_byline = True
    verified_on = factory.LazyFunction(lambda: days_ago(30))
    verification_method = CredentialHolding.VerificationMethod.PRIMARY_SOURCE
    verification_source = "https://azbbhe.us/verify"
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = CredentialHolding

    class Params:
        unverified = factory.Trait(verified_on=None, verification_method="", verification_source="")
        expired = factory.Trait(expires_on=factory.LazyFunction(lambda: days_ago(1)))
        stale = factory.Trait(verified_on=factory.LazyFunction(lambda: days_ago(2 * 365)))


# --- Treatment centers --------------------------------------------------------------------------


class TreatmentCenterFactory(DjangoModelFactory):
    """A live treatment center in Phoenix, AZ. Keyword helpers (all optional):

    - ``programs=["intensive-outpatient", level]`` — one in-person program per level of care (slug or instance);
    - ``hours=True`` — Monday–Friday 08:00–17:00; or a list of ``(day, "HH:MM", "HH:MM")`` tuples;
    - ``services``, ``conditions``, ``populations``, ``languages``, ``payers`` — terms by slug or instance;
    - ``licenses=True`` — a state license and a Joint Commission accreditation; ``publish=True`` — via a revision.
    """

    name = factory.Sequence(lambda n: f"Sample Recovery Center {n}")
    slug = factory.LazyAttribute(lambda center: slugify(center.name))
    summary = "Outpatient mental health and addiction treatment."
    is_sample_listing = True
    street = factory.Sequence(lambda n: f"{100 + n} W Camelback Rd")
    city = "Phoenix"
    state = "AZ"
    postal_code = "85013"
    latitude = Decimal("33.509000")
    longitude = Decimal("-112.074000")
    timezone = "America/Phoenix"
    phone_main = "(602) 555-0100"
    phone_intake = "(602) 555-0101"
    phone_after_hours = ""
    website = ""
    accepting_new_patients = True
    accepting_as_of = factory.LazyFunction(lambda: days_ago(7))
    listing_verified_on = factory.LazyFunction(lambda: days_ago(7))
    live = True
    first_published_at = factory.LazyFunction(now)
    last_published_at = factory.LazyAttribute(lambda center: center.first_published_at)

    class Meta:
        model = TreatmentCenter
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(live=False, first_published_at=None, last_published_at=None)

    @factory.post_generation
    def programs(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            for position, level in enumerate(_terms(LevelOfCareFactory, extracted)):
                CenterProgramFactory(center=center, level_of_care=level, sort_order=position, **kwargs)

    @factory.post_generation
    def hours(center: TreatmentCenter, create: bool, extracted: Any, **kwargs: Any) -> None:
        if not (create and extracted):
            return
        rows = extracted if extracted is not True else [(day, "08:00", "17:00") for day in WEEKDAYS]
        for position, (day, opens, closes) in enumerate(rows):
            CenterHoursFactory(
                center=center,
                day=day,
                opens=datetime.time.fromisoformat(opens) if isinstance(opens, str) else opens,
                closes=datetime.time.fromisoformat(closes) if isinstance(closes, str) else closes,
                sort_order=position,
            )

    @factory.post_generation
    def licenses(center: TreatmentCenter, create: bool, extracted: Any, **kwargs: Any) -> None:
        if create and extracted:
            CenterLicenseFactory(center=center, sort_order=0)
            CenterLicenseFactory(
                center=center,
                kind=CenterLicense.Kind.ACCREDITATION,
                name="Behavioral Health Care and Human Services Accreditation",
                issuer="The Joint Commission",
                number="",
                sort_order=1,
            )

    @factory.post_generation
    def services(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.services.set(_terms(ServiceFactory, extracted))
            center.save()

    @factory.post_generation
    def conditions(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.conditions.set(_terms(TopicFactory, extracted))
            center.save()

    @factory.post_generation
    def populations(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.populations.set(_terms(PopulationFactory, extracted))
            center.save()

    @factory.post_generation
    def languages(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.languages.set(_terms(LanguageFactory, extracted))
            center.save()

    @factory.post_generation
    def payers(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.payers.set(_terms(PayerFactory, extracted))
            center.save()

    publish = factory.PostGeneration(_publish_if_asked)


class CenterHoursFactory(DjangoModelFactory):
    """Opening hours for one day (Monday 08:00–17:00 unless told otherwise)."""

    center = factory.SubFactory(TreatmentCenterFactory)
    day = CenterHours.Day.MONDAY
    opens = datetime.time(8, 0)
    closes = datetime.time(17, 0)

    class Meta:
        model = CenterHours


class CenterProgramFactory(DjangoModelFactory):
    """An in-person intensive outpatient program, three days a week."""

    center = factory.SubFactory(TreatmentCenterFactory)
    level_of_care = factory.SubFactory(LevelOfCareFactory, slug="intensive-outpatient")
    days_per_week = 3
    hours_per_week = 9
    schedule = "Mon/Wed/Fri 9am–12pm"
    modality = CenterProgram.Modality.IN_PERSON

    class Meta:
        model = CenterProgram


class CenterLicenseFactory(DjangoModelFactory):
    """A state behavioral-health license expiring in a year."""

    center = factory.SubFactory(TreatmentCenterFactory)
    kind = CenterLicense.Kind.LICENSE
    name = "Outpatient Treatment Center license"
    issuer = "Arizona Department of Health Services"
    number = factory.Sequence(lambda n: f"OTC-{n:05d}")
    expires_on = factory.LazyFunction(lambda: days_ago(-365))

    class Meta:
        model = CenterLicense


__all__ = [
    "CenterHoursFactory",
    "CenterLicenseFactory",
    "CenterProgramFactory",
    "ClinicianUserFactory",
    "CredentialFactory",
    "CredentialHoldingFactory",
    "CrisisResourceFactory",
    "LanguageFactory",
    "LevelOfCareFactory",
    "PayerFactory",
    "PopulationFactory",
    "ProviderFactory",
    "ServiceFactory",
    "TopicFactory",
    "TreatmentCenterFactory",
    "days_ago",
]
