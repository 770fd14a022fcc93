"""Clinician admin (listing, create, edit, history, inspect): what an editor and compliance see and can do."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from providers.models import Credential, Provider
from tests.factories.providers import CredentialFactory, CredentialHoldingFactory, ProviderFactory, days_ago

from .helpers import admin_url, field_errors, holding_data, provider_form_data

pytestmark = pytest.mark.django_db


class TestListing:
    def test_lists_display_names_stamps_and_flags(self, admin_client):
        ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP", "PMHNP"])
        flagged = ProviderFactory(name="Natalie Foster", credentials=["LPC-S"])
        CredentialHoldingFactory(provider=flagged, credential=CredentialFactory(code="MS"), unverified=True)

        response = admin_client.get(admin_url(Provider, "list"))

        assert response.status_code == 200
        html = response.content.decode()
        assert "Alex Spritzer, FNP, CARN-AP, PMHNP" in html
        assert "Credentials last verified" in html
        assert "MS: unverified" in html
        assert "Not verified" in html

    def test_query_count_does_not_grow_with_clinicians(self, admin_client, django_assert_max_num_queries):
        for _ in range(3):
            ProviderFactory(credentials=["LPC", "MS"])
        admin_client.get(admin_url(Provider, "list"))
        with django_assert_max_num_queries(40) as few:
            admin_client.get(admin_url(Provider, "list"))
        for _ in range(10):
            ProviderFactory(credentials=["LPC", "MS"])
        with django_assert_max_num_queries(len(few.captured_queries)):
            admin_client.get(admin_url(Provider, "list"))

    def test_status_column_still_reports_scheduled_publishing(self, admin_client):
        provider = ProviderFactory(name="Scheduled Clinician", draft=True)
        provider.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=2))
        ProviderFactory(name="Plain Draft", draft=True)
        html = " ".join(admin_client.get(admin_url(Provider, "list")).content.decode().split())
        assert html.count('<span class="w-status"> scheduled </span>') == 1
        assert html.count('<span class="w-status"> draft </span>') == 1

    def test_filters_by_credential_problem_and_category(self, admin_client):
        ProviderFactory(name="Good Standing", credentials=["LPC"])
        expired = ProviderFactory(name="Lapsed License", credentials=["LPC"], credentials__expired=True)
        ProviderFactory(name="Medical Doctor", category="medical", credentials=["MD"])

        response = admin_client.get(admin_url(Provider, "list"), {"credential_problem": "expired"})
        assert [p.pk for p in response.context["object_list"]] == [expired.pk]

        response = admin_client.get(admin_url(Provider, "list"), {"category": "medical"})
        assert [p.name for p in response.context["object_list"]] == ["Medical Doctor"]

    def test_search_by_name(self, admin_client):
        ProviderFactory(name="Michael Vines")
        ProviderFactory(name="Natalie Foster")
        response = admin_client.get(admin_url(Provider, "list"), {"q": "vines"})
        assert [p.name for p in response.context["object_list"]] == ["Michael Vines"]


class TestCreate:
    def test_add_form_answers(self, admin_client):
        response = admin_client.get(admin_url(Provider, "add"))
        assert response.status_code == 200
        assert b"NPI" in response.content

    @pytest.mark.parametrize(
        ("npi", "message"),
        [
            ("1234567890", "This NPI's check digit is wrong; check for a typo."),
            ("12345", "An NPI is exactly 10 digits."),
        ],
    )
    def test_bad_npi_is_refused_on_the_field(self, admin_client, npi, message):
        response = admin_client.post(admin_url(Provider, "add"), provider_form_data(npi=npi))
        assert response.status_code == 200
        assert message in field_errors(response, "npi")
        assert not Provider.objects.exists()

    def test_bad_holding_dates_are_refused_on_the_inline_field(self, admin_client):
        lpc = Credential.objects.get(code="LPC")
        holding = holding_data(lpc.pk, issued_on="2024-05-01", expires_on="2024-04-01")
        response = admin_client.post(admin_url(Provider, "add"), provider_form_data(holdings=[holding]))
        assert response.status_code == 200
        formset = response.context["form"].formsets["credential_holdings"]
        assert formset.forms[0].errors["expires_on"] == ["A credential must expire after the date it was issued."]
        assert not Provider.objects.exists()

    def test_save_creates_a_draft_with_holdings_and_records_the_verifier(self, admin_client, admin_user):
        lpcs, ms = Credential.objects.get(code="LPC-S"), Credential.objects.get(code="MS")
        holdings = [
            holding_data(
                lpcs.pk,
                verified_on=days_ago(3).isoformat(),
                verification_method="primary_source",
                verification_source="https://bhec.texas.gov/verify-a-license/",
            ),
            holding_data(
                ms.pk,
                verified_on=days_ago(5).isoformat(),
                verification_method="document",
                verification_source="https://example.edu/registrar/",
            ),
        ]
        response = admin_client.post(admin_url(Provider, "add"), provider_form_data(holdings=holdings))
        assert response.status_code == 302

        provider = Provider.objects.get(slug="natalie-foster")
        assert not provider.live
        assert provider.latest_revision is not None
        assert provider.display_name == "Natalie Foster, LPC-S, MS"
        assert provider.credentials_last_verified() == days_ago(5)
        assert {h.verified_by for h in provider.credential_holdings.all()} == {admin_user}
        assert not Provider.objects.public().exists()

    def test_publish_makes_it_public(self, admin_client):
        data = provider_form_data(**{"action-publish": "action-publish"})
        response = admin_client.post(admin_url(Provider, "add"), data)
        assert response.status_code == 302
        assert Provider.objects.public().get().live_revision is not None


class TestEdit:
    def test_edit_history_and_inspect_answer(self, admin_client):
        provider = ProviderFactory(credentials=["LPC"], publish=True)
        for view in ("edit", "history", "inspect"):
            assert admin_client.get(admin_url(Provider, view, provider.pk)).status_code == 200, view

    def test_saving_a_draft_keeps_the_live_profile(self, admin_client):
        provider = ProviderFactory(name="Natalie Foster", job_title="Therapist", publish=True)
        response = admin_client.post(
            admin_url(Provider, "edit", provider.pk), provider_form_data(slug=provider.slug, job_title="Director")
        )
        assert response.status_code == 302
        provider.refresh_from_db()
        assert provider.job_title == "Therapist"
        assert provider.has_unpublished_changes
        assert provider.latest_revision.as_object().job_title == "Director"

    def test_verifier_is_not_overwritten_when_verification_is_unchanged(self, admin_client, admin_user):
        provider = ProviderFactory(name="Natalie Foster", credentials=["LPC"], publish=True)
        holding = provider.credential_holdings.get()
        unchanged = holding_data(
            holding.credential_id,
            id=holding.pk,
            jurisdiction=holding.jurisdiction,
            number=holding.number,
            issued_on=holding.issued_on.isoformat(),
            expires_on=holding.expires_on.isoformat(),
            verified_on=holding.verified_on.isoformat(),
            verification_method=holding.verification_method,
            verification_source=holding.verification_source,
        )
        data = provider_form_data(
            slug=provider.slug, holdings=[unchanged], job_title="Director", **{"action-publish": "action-publish"}
        )
        data["credential_holdings-INITIAL_FORMS"] = "1"
        response = admin_client.post(admin_url(Provider, "edit", provider.pk), data)
        assert response.status_code == 302
        holding.refresh_from_db()
        assert holding.verified_by is None
        provider.refresh_from_db()
        assert provider.job_title == "Director"

    def test_lock_view(self, admin_client, admin_user):
        provider = ProviderFactory()
        response = admin_client.post(admin_url(Provider, "lock", provider.pk))
        assert response.status_code == 302
        provider.refresh_from_db()
        assert provider.locked and provider.locked_by == admin_user
