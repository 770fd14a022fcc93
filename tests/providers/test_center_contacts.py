"""Center contacts (typed, with a purpose) and accreditations: validation, admin panels and how they are shown."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from providers.models import CenterAccreditation, CenterContact, TreatmentCenter
from tests.factories.providers import TreatmentCenterFactory

from .admin.helpers import admin_url


@pytest.mark.parametrize(
    ("kind", "value", "url"),
    [
        ("phone", "(602) 555-0101", "tel:+16025550101"),
        ("phone", "+44 20 7946 0958", "tel:+442079460958"),
        ("email", "intake@example.com", "mailto:intake@example.com"),
        ("intake", "https://intake.example.com/start/", "https://intake.example.com/start/"),
    ],
)
def test_valid_contacts_have_an_action_url(kind, value, url):
    contact = CenterContact(kind=kind, purpose="admissions", value=value)
    contact.clean()
    assert contact.action_url() == url


@pytest.mark.parametrize(
    ("kind", "value"),
    [("phone", "call us"), ("phone", "12"), ("email", "not-an-address"), ("intake", "http://insecure.example/")],
)
def test_invalid_contacts_are_refused(kind, value):
    with pytest.raises(ValidationError) as error:
        CenterContact(kind=kind, purpose="general", value=value).clean()
    assert "value" in error.value.message_dict


def test_accreditations_name_their_body_and_dates_must_be_in_order():
    assert CenterAccreditation(body="carf").body_name == "CARF International"
    assert CenterAccreditation(body="other", other_body="State Board").body_name == "State Board"
    with pytest.raises(ValidationError):
        CenterAccreditation(body="other").clean()
    with pytest.raises(ValidationError):
        CenterAccreditation(
            body="carf", accredited_on=datetime.date(2025, 1, 1), expires_on=datetime.date(2024, 1, 1)
        ).clean()


@pytest.mark.django_db
def test_the_center_editor_has_contact_and_accreditation_panels(admin_client):
    center = TreatmentCenterFactory()
    html = admin_client.get(admin_url(TreatmentCenter, "edit", center.pk)).content.decode()
    assert 'id="id_contacts-TOTAL_FORMS"' in html
    assert 'id="id_accreditations-TOTAL_FORMS"' in html
