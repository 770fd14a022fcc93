"""``public()`` querysets: drafts and unpublished snippets never reach a public read path."""

from __future__ import annotations

import pytest

from providers.models import CrisisResource, Provider, TreatmentCenter
from tests.factories.providers import CrisisResourceFactory, ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def test_public_providers_exclude_drafts():
    live = ProviderFactory(name="Live Clinician")
    draft = ProviderFactory(name="Draft Clinician", draft=True)
    public = Provider.objects.public()
    assert live in public
    assert draft not in public


def test_unpublishing_removes_from_public():
    provider = ProviderFactory(publish=True)
    assert Provider.objects.public().filter(pk=provider.pk).exists()
    provider.unpublish()
    assert not Provider.objects.public().filter(pk=provider.pk).exists()


def test_public_centers_exclude_drafts():
    live = TreatmentCenterFactory()
    draft = TreatmentCenterFactory(draft=True)
    assert list(TreatmentCenter.objects.public().filter(pk__in=[live.pk, draft.pk])) == [live]


def test_public_is_chainable_with_other_filters():
    TreatmentCenterFactory(state="AZ")
    TreatmentCenterFactory(state="TX", city="Austin")
    TreatmentCenterFactory(state="TX", city="Dallas", draft=True)
    assert TreatmentCenter.objects.filter(state="TX").public().count() == 1
    assert TreatmentCenter.objects.public().filter(state="TX").count() == 1


def test_crisis_resources_public_is_live_only():
    draft = CrisisResourceFactory(name="Draft line", live=False)
    public = CrisisResource.objects.public()
    assert public.filter(name="988 Suicide & Crisis Lifeline").exists()
    assert draft not in public
