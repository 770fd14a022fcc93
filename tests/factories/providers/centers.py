"""Treatment-center factories with helpers for programs, hours, licenses and vocabulary terms."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import factory
from django.utils.text import slugify
from django.utils.timezone import now
from factory.django import DjangoModelFactory

from providers.models import CenterHours, CenterLicense, CenterProgram, TreatmentCenter

from .base import WEEKDAYS, days_ago, publish_if_asked, terms
from .vocabularies import (
    LanguageFactory,
    LevelOfCareFactory,
    PayerFactory,
    PopulationFactory,
    ServiceFactory,
    TopicFactory,
)


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
            for position, level in enumerate(terms(LevelOfCareFactory, extracted)):
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
            center.services.set(terms(ServiceFactory, extracted))
            center.save()

    @factory.post_generation
    def conditions(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.conditions.set(terms(TopicFactory, extracted))
            center.save()

    @factory.post_generation
    def populations(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.populations.set(terms(PopulationFactory, extracted))
            center.save()

    @factory.post_generation
    def languages(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.languages.set(terms(LanguageFactory, extracted))
            center.save()

    @factory.post_generation
    def payers(center: TreatmentCenter, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            center.payers.set(terms(PayerFactory, extracted))
            center.save()

    publish = factory.PostGeneration(publish_if_asked)


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
