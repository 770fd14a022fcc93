"""The vocabulary migrations seed the terms other modules and the demo content rely on."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps as django_apps

from providers.models import Credential, CrisisResource, Language, LevelOfCare, Payer, Population, Service, Topic

pytestmark = pytest.mark.django_db

seed_vocabularies = importlib.import_module("providers.migrations.0003_seed_vocabularies")
seed_credentials = importlib.import_module("providers.migrations.0004_seed_credentials_and_crisis_resources")


def test_levels_of_care_carry_samhsa_codes_and_asam_levels():
    iop = LevelOfCare.objects.get(slug="intensive-outpatient")
    assert (iop.name, iop.samhsa_code, iop.asam_level) == ("Intensive outpatient (IOP)", "OIT", "2.1")
    php = LevelOfCare.objects.get(slug="partial-hospitalization")
    assert (php.samhsa_code, php.asam_level) == ("PH", "2.5")
    assert {"outpatient", "residential", "inpatient", "detox", "telehealth-outpatient"} <= set(
        LevelOfCare.objects.values_list("slug", flat=True)
    )
    # Listed from least to most intensive, as sort_order says.
    assert list(LevelOfCare.objects.values_list("slug", flat=True)[:3]) == [
        "outpatient",
        "intensive-outpatient",
        "partial-hospitalization",
    ]


def test_services_payers_populations_languages():
    assert Service.objects.get(slug="dbt").name == "Dialectical behavior therapy"
    assert Service.objects.get(slug="dbt").samhsa_code == "DBT"
    assert {"cbt", "group-therapy", "individual-therapy", "family-therapy", "skills-training", "emdr"} <= set(
        Service.objects.values_list("slug", flat=True)
    )
    assert Payer.objects.get(slug="medicaid").samhsa_code == "MD"
    assert {"medicare", "private-insurance", "military-insurance", "self-pay", "sliding-scale"} <= set(
        Payer.objects.values_list("slug", flat=True)
    )
    assert Population.objects.get(slug="adolescents").is_age_group
    assert not Population.objects.get(slug="veterans").is_age_group
    assert Language.objects.get(code="en").slug == "english"
    assert Language.objects.get(code="es").samhsa_code == "SP"


def test_crisis_topics():
    crisis = set(Topic.objects.filter(shows_crisis_resources=True).values_list("slug", flat=True))
    assert {"depression", "suicide-prevention", "substance-use", "alcohol-use"} <= crisis
    assert not Topic.objects.get(slug="anxiety").shows_crisis_resources


def test_credential_vocabulary():
    assert Credential.objects.get(code="CARN-AP").kind == Credential.Kind.CERTIFICATION
    assert Credential.objects.get(code="MD").kind == Credential.Kind.DEGREE
    assert Credential.objects.get(code="LPC-S").kind == Credential.Kind.LICENSE
    expected = {"MD", "DO", "FNP", "PMHNP", "PMHNP-BC", "CARN-AP", "LPC", "LPC-S", "LCSW", "LMFT", "LISAC"}
    expected |= {"MS", "MA", "MSW", "PhD", "PsyD", "RN", "NP"}
    assert expected <= set(Credential.objects.values_list("code", flat=True))
    assert all(Credential.objects.values_list("issuer", flat=True))


def test_988_is_live():
    lifeline = CrisisResource.objects.public().get(name="988 Suicide & Crisis Lifeline")
    assert (lifeline.call, lifeline.text, lifeline.chat_url) == ("988", "988", "https://988lifeline.org/chat/")
    assert lifeline.first_published_at is not None


def test_seeding_again_is_safe_and_restores_edited_codes():
    LevelOfCare.objects.filter(slug="intensive-outpatient").update(samhsa_code="XXX")
    before = LevelOfCare.objects.count(), Credential.objects.count(), CrisisResource.objects.count()
    seed_vocabularies.seed(django_apps, None)
    seed_credentials.seed(django_apps, None)
    assert (LevelOfCare.objects.count(), Credential.objects.count(), CrisisResource.objects.count()) == before
    assert LevelOfCare.objects.get(slug="intensive-outpatient").samhsa_code == "OIT"


def test_unseeding_keeps_terms_still_in_use():
    from tests.factories.providers import TreatmentCenterFactory

    TreatmentCenterFactory(programs=["intensive-outpatient"])
    seed_vocabularies.unseed(django_apps, None)
    assert list(LevelOfCare.objects.values_list("slug", flat=True)) == ["intensive-outpatient"]
    assert not Topic.objects.filter(slug="depression").exists()
