"""Clinicians, centers and crisis lines change publicly only when a revision is published."""

from __future__ import annotations

import pytest

from providers.models import CrisisResource, Provider, TreatmentCenter
from tests.factories.providers import CredentialFactory, ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def test_saving_a_draft_revision_leaves_the_live_provider_unchanged():
    provider = ProviderFactory(name="Natalie Foster", job_title="Therapist", credentials=["LPC"], publish=True)
    provider.job_title = "Clinical Director"
    provider.save_revision()

    live = Provider.objects.public().get(pk=provider.pk)
    assert live.job_title == "Therapist"
    assert live.has_unpublished_changes
    assert live.latest_revision != live.live_revision
    assert live.latest_revision.as_object().job_title == "Clinical Director"


def test_publishing_the_revision_changes_the_live_provider():
    provider = ProviderFactory(name="Natalie Foster", job_title="Therapist", publish=True)
    provider.job_title = "Clinical Director"
    revision = provider.save_revision()
    revision.publish()

    live = Provider.objects.public().get(pk=provider.pk)
    assert live.job_title == "Clinical Director"
    assert not live.has_unpublished_changes
    assert live.live_revision == revision


def test_draft_credential_changes_do_not_reach_the_live_byline():
    provider = ProviderFactory(name="Alex Spritzer", credentials=["FNP"], publish=True)
    draft = Provider.objects.get(pk=provider.pk)
    holdings = list(draft.credential_holdings.all())
    holdings[0].credential = CredentialFactory(code="PMHNP-BC")
    draft.credential_holdings = holdings
    revision = draft.save_revision()

    assert Provider.objects.get(pk=provider.pk).display_name == "Alex Spritzer, FNP"
    assert revision.as_object().display_name == "Alex Spritzer, PMHNP-BC"

    revision.publish()
    assert Provider.objects.get(pk=provider.pk).display_name == "Alex Spritzer, PMHNP-BC"


def test_first_publish_of_a_draft_center_makes_it_public():
    center = TreatmentCenterFactory(draft=True, name="New Center")
    center.save_revision()
    assert not TreatmentCenter.objects.public().filter(pk=center.pk).exists()
    center.latest_revision.publish()
    assert TreatmentCenter.objects.public().filter(pk=center.pk).exists()


def test_crisis_line_change_needs_publishing():
    lifeline = CrisisResource.objects.get(name="988 Suicide & Crisis Lifeline")
    lifeline.chat_url = "https://example.org/new-chat/"
    revision = lifeline.save_revision()
    assert CrisisResource.objects.get(pk=lifeline.pk).chat_url == "https://988lifeline.org/chat/"
    revision.publish()
    assert CrisisResource.objects.get(pk=lifeline.pk).chat_url == "https://example.org/new-chat/"
