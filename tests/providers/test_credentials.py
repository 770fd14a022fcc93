"""Derived verification stamps, expiry/stale flags and who may sign off."""

from __future__ import annotations

import pytest
from django.test import override_settings

from providers.models import CredentialHolding, Provider
from providers.viewsets.filters import credential_problem_q
from tests.factories.providers import CredentialFactory, CredentialHoldingFactory, ProviderFactory, days_ago

pytestmark = pytest.mark.django_db


def holding(provider: Provider, code: str, **kwargs) -> CredentialHolding:
    return CredentialHoldingFactory(provider=provider, credential=CredentialFactory(code=code), **kwargs)


class TestCredentialsLastVerified:
    def test_is_the_oldest_verification_among_shown_credentials(self):
        provider = ProviderFactory()
        holding(provider, "FNP", verified_on=days_ago(10))
        holding(provider, "CARN-AP", verified_on=days_ago(40))
        holding(provider, "PMHNP", verified_on=days_ago(20))
        assert provider.credentials_last_verified() == days_ago(40)

    def test_ignores_credentials_not_on_the_byline(self):
        provider = ProviderFactory()
        holding(provider, "MD", verified_on=days_ago(5))
        holding(provider, "RN", verified_on=days_ago(900), show_on_byline=False)
        assert provider.credentials_last_verified() == days_ago(5)

    def test_is_none_when_a_shown_credential_is_unverified(self):
        provider = ProviderFactory()
        holding(provider, "MD", verified_on=days_ago(5))
        holding(provider, "PhD", unverified=True)
        assert provider.credentials_last_verified() is None

    def test_is_none_without_credentials(self):
        assert ProviderFactory().credentials_last_verified() is None


class TestFlags:
    def test_expired_expiring_stale_and_unverified(self):
        provider = ProviderFactory()
        holding(provider, "LPC", expired=True)
        holding(provider, "LISAC", expires_on=days_ago(-10))
        holding(provider, "MS", stale=True)
        holding(provider, "NCC", unverified=True)
        holding(provider, "LCSW")
        assert provider.credential_flags() == {
            "LPC": ["expired"],
            "LISAC": ["expiring"],
            "MS": ["stale"],
            "NCC": ["unverified"],
        }

    @override_settings(CREDENTIAL_EXPIRY_WARNING_DAYS=5, CREDENTIAL_STALE_AFTER_DAYS=1000)
    def test_thresholds_come_from_settings(self):
        provider = ProviderFactory()
        holding(provider, "LISAC", expires_on=days_ago(-10))
        holding(provider, "MS", verified_on=days_ago(800))
        assert provider.credential_flags() == {}

    def test_status_flags(self):
        provider = ProviderFactory()
        holding(provider, "LPC", status=CredentialHolding.Status.REVOKED)
        holding(provider, "RN", status=CredentialHolding.Status.EXPIRED, expires_on=None)
        assert provider.credential_flags() == {"LPC": ["revoked"], "RN": ["expired"]}

    def test_same_code_in_two_states_reports_each_problem_once(self):
        provider = ProviderFactory()
        holding(provider, "LPC", jurisdiction="AZ", unverified=True)
        holding(provider, "LPC", jurisdiction="TX", unverified=True, expired=True)
        assert provider.credential_flags() == {"LPC": ["unverified", "expired"]}


class TestCanSignOff:
    def test_clinician_in_good_standing_can(self):
        assert ProviderFactory(credentials=["LPC-S", "MS"]).can_sign_off()

    def test_without_byline_credentials_cannot(self):
        provider = ProviderFactory()
        assert not provider.can_sign_off()
        holding(provider, "LPC", show_on_byline=False)
        assert not provider.can_sign_off()

    @pytest.mark.parametrize(
        "problem",
        [
            {"expired": True},
            {"unverified": True},
            {"status": CredentialHolding.Status.INACTIVE},
            {"status": CredentialHolding.Status.REVOKED},
        ],
    )
    def test_one_bad_byline_credential_blocks(self, problem):
        provider = ProviderFactory(credentials=["LPC-S"])
        holding(provider, "MS", **problem)
        assert not provider.can_sign_off()

    def test_a_bad_credential_not_on_the_byline_does_not_block(self):
        provider = ProviderFactory(credentials=["LPC-S"])
        holding(provider, "RN", expired=True, show_on_byline=False)
        assert provider.can_sign_off()


@pytest.mark.parametrize("problem", ["expired", "expiring", "unverified", "stale"])
def test_the_admin_filter_and_the_flags_state_one_rule(problem):
    """``credential_problem_q`` (SQL, the clinician listing's filter) finds exactly the holdings ``flags()`` names."""
    provider = ProviderFactory()
    states = [
        {"expires_on": days_ago(-10)},  # expiring
        {"expires_on": days_ago(0)},  # expires today: still valid, expiring
        {"expires_on": days_ago(2)},  # past its date while marked active: expired
        {"expires_on": days_ago(-400)},
        {"expires_on": None, "status": CredentialHolding.Status.EXPIRED},
        {"expires_on": days_ago(-10), "status": CredentialHolding.Status.INACTIVE},  # not held: not "expiring"
        {"expires_on": days_ago(-10), "status": CredentialHolding.Status.REVOKED},
        {"stale": True},
        {"unverified": True},
    ]
    holdings = [holding(provider, f"C{number}", **state) for number, state in enumerate(states)]

    flagged = {h.pk for h in holdings if problem in h.flags()}
    filtered = set(CredentialHolding.objects.filter(credential_problem_q(problem)).values_list("pk", flat=True))
    assert flagged == filtered
    assert flagged  # every problem is present in the set above
