"""The shared factories build what their docstrings promise (other engineers' tests depend on them)."""

from __future__ import annotations

import pytest

from providers.models import CenterProgram, CredentialHolding, LevelOfCare, Provider, TreatmentCenter
from providers.validators import validate_npi
from tests.factories.providers import (
    CredentialHoldingFactory,
    LanguageFactory,
    LevelOfCareFactory,
    ProviderFactory,
    TreatmentCenterFactory,
)

pytestmark = pytest.mark.django_db


def test_provider_factory_builds_live_clinician_with_credentials_in_order():
    provider = ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP", "PMHNP"])
    assert provider.live
    assert provider.display_name == "Alex Spritzer, FNP, CARN-AP, PMHNP"
    assert provider.credentials_last_verified() is not None


def test_provider_factory_options():
    provider = ProviderFactory(draft=True, with_user=True, with_npi=True, specialties=["depression"])
    assert not provider.live
    assert provider.user is not None
    validate_npi(provider.npi)
    assert [topic.slug for topic in provider.specialties.all()] == ["depression"]


def test_publish_goes_through_a_revision():
    provider = ProviderFactory(draft=True, credentials=["LPC"], publish=True)
    provider.refresh_from_db()
    assert provider.live and provider.live_revision is not None
    assert Provider.objects.public().filter(pk=provider.pk).exists()


def test_vocabulary_factories_reuse_seeded_terms():
    assert LevelOfCareFactory(slug="intensive-outpatient").samhsa_code == "OIT"
    assert LevelOfCare.objects.filter(slug="intensive-outpatient").count() == 1
    assert LanguageFactory(slug="spanish") == LanguageFactory(code="es")


def test_center_factory_helpers():
    center = TreatmentCenterFactory(
        programs=["intensive-outpatient", "partial-hospitalization"],
        hours=True,
        licenses=True,
        services=["dbt"],
        payers=["medicaid"],
        languages=["english"],
    )
    assert TreatmentCenter.objects.public().filter(pk=center.pk).exists()
    assert list(
        CenterProgram.objects.filter(center=center).order_by("sort_order").values_list("level_of_care__slug", flat=True)
    ) == ["intensive-outpatient", "partial-hospitalization"]
    assert center.hours.count() == 5
    assert center.licenses.count() == 2
    assert [service.slug for service in center.services.all()] == ["dbt"]
    center.full_clean()


def test_holding_traits_raise_flags():
    holding = CredentialHoldingFactory(expired=True, unverified=True)
    assert holding.flags() == ["expired", "unverified"]
    assert CredentialHoldingFactory(stale=True).flags() == ["stale"]
    assert CredentialHolding.objects.count() == 2
