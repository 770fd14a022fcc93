"""Admin previews render what the public will see: clinician profiles and center listings, from unsaved form data."""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import inline_formset

from providers.models import Credential, LevelOfCare, Provider, TreatmentCenter
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory, days_ago

from .helpers import admin_url, center_form_data, holding_data, provider_form_data

pytestmark = pytest.mark.django_db


def preview(client, url: str, data: dict) -> str:
    """Post the form to the preview view (as the admin's preview panel does), then render it."""
    response = client.post(url, data)
    assert response.status_code == 200
    assert response.json()["is_valid"], response.json()
    rendered = client.get(url)
    assert rendered.status_code == 200
    return rendered.content.decode()


def test_clinician_preview_shows_the_unsaved_byline_and_flags(admin_client):
    provider = ProviderFactory(name="Alex Spritzer", publish=True)
    center = TreatmentCenterFactory(name="Arizona IOP")
    fnp, carn = Credential.objects.get(code="FNP"), Credential.objects.get(code="CARN-AP")
    holdings = [
        holding_data(
            fnp.pk,
            verified_on=days_ago(10).isoformat(),
            verification_method="primary_source",
            verification_source="https://www.azbn.gov/",
        ),
        holding_data(carn.pk),  # not verified yet
        holding_data(Credential.objects.get(code="RN").pk, show_on_byline=None),  # unticked: listed, not printed
    ]
    data = provider_form_data(name="Alex Spritzer", slug=provider.slug, holdings=holdings, centers=[center.pk])
    html = preview(admin_client, admin_url(Provider, "preview_on_edit", provider.pk), data)

    assert "Alex Spritzer, FNP, CARN-AP<" in html
    assert html.count("Not printed after the name") == 1
    assert html.index("Not printed after the name") > html.index("Registered Nurse")
    assert "Helps adults with depression." in html
    assert "Credentials not yet verified" in html
    assert "CARN-AP: unverified" in html  # editor-only compliance note
    assert "Arizona IOP" in html
    # The preview never changed the saved clinician.
    assert Provider.objects.get(pk=provider.pk).display_name == "Alex Spritzer"
    assert not Provider.objects.get(pk=provider.pk).credential_holdings.exists()


def test_clinician_preview_on_add(admin_client):
    data = provider_form_data(name="Michael Vines", honorific="Dr.", slug="michael-vines")
    html = preview(admin_client, admin_url(Provider, "preview_on_add"), data)
    assert "Dr. Michael Vines" in html
    assert "has not been saved or published yet" in html


def test_center_preview_shows_address_hours_programs_and_licenses(admin_client):
    center = TreatmentCenterFactory(name="Camelback Recovery", publish=True)
    ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"], centers=[center])
    ProviderFactory(name="Hidden Draft", draft=True, centers=[center])
    iop = LevelOfCare.objects.get(slug="intensive-outpatient")
    data = center_form_data(
        name="Camelback Recovery",
        slug=center.slug,
        hours=inline_formset(
            [
                {"day": "tuesday", "opens": "08:00", "closes": "12:00"},
                {"day": "monday", "opens": "13:00", "closes": "17:00"},
                {"day": "monday", "opens": "08:00", "closes": "12:00"},
            ]
        ),
        programs=inline_formset(
            [
                {
                    "level_of_care": iop.pk,
                    "modality": "in_person",
                    "days_per_week": "3",
                    "hours_per_week": "9",
                    "schedule": "Mon/Wed/Fri 9am–12pm",
                }
            ]
        ),
        licenses=inline_formset(
            [
                {
                    "kind": "license",
                    "name": "Outpatient Treatment Center",
                    "issuer": "ADHS",
                    "number": "OTC-1",
                    "expires_on": days_ago(5).isoformat(),
                }
            ]
        ),
    )
    html = preview(admin_client, admin_url(TreatmentCenter, "preview_on_edit", center.pk), data)
    flat = " ".join(html.split())

    assert "100 W Camelback Rd" in html and "Phoenix, AZ 85013" in flat
    assert "Monday</th><td>8:00 AM–12:00 PM, 1:00 PM–5:00 PM" in flat
    assert flat.index("Monday") < flat.index("Tuesday")
    assert "Intensive outpatient (IOP)" in html and "SAMHSA OIT · ASAM 2.1" in flat
    assert "Outpatient Treatment Center" in html and "expired" in html
    assert "Natalie Foster, LPC-S, MS" in html
    assert "Hidden Draft" not in html
    assert "Previewing edits: the public still sees the last published version" in html
    assert "Sample listing" not in html  # the form unticked it


def test_sample_listing_is_announced(admin_client):
    data = center_form_data(is_sample_listing="on")
    html = preview(admin_client, admin_url(TreatmentCenter, "preview_on_add"), data)
    assert "Sample listing — not a real facility." in html


def test_center_preview_on_add(admin_client):
    html = preview(admin_client, admin_url(TreatmentCenter, "preview_on_add"), center_form_data())
    assert "Camelback Recovery" in html
    assert "No opening hours listed." in html
