"""Display names and post-nominals are rendered from credential holdings in display order, as in the seed byline."""

from __future__ import annotations

import pytest

from providers.models import CredentialHolding
from tests.factories.providers import CredentialFactory, CredentialHoldingFactory, ProviderFactory, days_ago

pytestmark = pytest.mark.django_db


def test_seed_bylines_render_exactly():
    assert (
        ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP", "PMHNP"]).display_name
        == "Alex Spritzer, FNP, CARN-AP, PMHNP"
    )
    assert ProviderFactory(honorific="Dr.", name="Michael Vines", credentials=["MD"]).display_name == (
        "Dr. Michael Vines, MD"
    )
    assert (
        ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"]).display_name == "Natalie Foster, LPC-S, MS"
    )


def test_str_is_the_display_name():
    provider = ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"])
    assert str(provider) == "Natalie Foster, LPC-S, MS"


def test_reordering_holdings_changes_the_output():
    provider = ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"])
    for holding in provider.credential_holdings.all():
        holding.sort_order = 0 if holding.credential.code == "MS" else 1
        holding.save()
    provider.refresh_from_db()
    assert provider.display_name == "Natalie Foster, MS, LPC-S"
    assert provider.post_nominals == ["MS", "LPC-S"]


def test_hidden_expired_and_inactive_holdings_are_not_printed():
    provider = ProviderFactory(name="Alex Spritzer", credentials=["FNP"])
    CredentialHoldingFactory(provider=provider, credential=CredentialFactory(code="RN"), show_on_byline=False)
    CredentialHoldingFactory(provider=provider, credential=CredentialFactory(code="PMHNP"), expired=True)
    CredentialHoldingFactory(
        provider=provider, credential=CredentialFactory(code="LPC"), status=CredentialHolding.Status.REVOKED
    )
    CredentialHoldingFactory(provider=provider, credential=CredentialFactory(code="NP"), expires_on=days_ago(0))
    assert provider.display_name == "Alex Spritzer, FNP, NP"


def test_name_without_credentials_is_just_the_name():
    assert ProviderFactory(honorific="Dr.", name="Ana Ruiz").display_name == "Dr. Ana Ruiz"


def test_unsaved_cluster_renders_from_memory():
    """Previews and draft revisions render from in-memory holdings, in their display order."""
    provider = ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP"])
    revision = provider.save_revision()
    restored = revision.as_object()
    restored.credential_holdings = [
        CredentialHolding(credential=CredentialFactory(code="PMHNP"), sort_order=0, verified_on=days_ago(1)),
        CredentialHolding(credential=CredentialFactory(code="FNP"), sort_order=1, verified_on=days_ago(1)),
    ]
    assert restored.display_name == "Alex Spritzer, PMHNP, FNP"
    provider.refresh_from_db()
    assert provider.display_name == "Alex Spritzer, FNP, CARN-AP"
