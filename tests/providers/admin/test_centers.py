"""Treatment-center admin (listing, filters, create, edit, history): what editors see and what they are refused."""

from __future__ import annotations

import pytest
from wagtail.test.utils.form_data import inline_formset

from providers.models import LevelOfCare, TreatmentCenter
from tests.factories.providers import TreatmentCenterFactory

from .helpers import admin_url, center_form_data, field_errors

pytestmark = pytest.mark.django_db


def test_listing_shows_location_programs_and_intake(admin_client):
    TreatmentCenterFactory(name="Camelback Recovery", programs=["intensive-outpatient"], accepting_new_patients=False)
    response = admin_client.get(admin_url(TreatmentCenter, "list"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Camelback Recovery" in html
    assert "Phoenix, AZ" in html
    assert "Intensive outpatient (IOP)" in html
    assert "No (as of" in html


def test_filters_by_state_level_of_care_and_intake(admin_client):
    iop = TreatmentCenterFactory(name="IOP Center", programs=["intensive-outpatient", "outpatient"])
    TreatmentCenterFactory(name="Residential Center", programs=["residential"], accepting_new_patients=False)
    TreatmentCenterFactory(name="Texas Center", state="TX", city="Austin", programs=["intensive-outpatient"])
    url = admin_url(TreatmentCenter, "list")

    level = LevelOfCare.objects.get(slug="intensive-outpatient")
    names = [c.name for c in admin_client.get(url, {"level_of_care": level.pk, "state": "AZ"}).context["object_list"]]
    assert names == [iop.name]

    names = [c.name for c in admin_client.get(url, {"accepting_new_patients": "false"}).context["object_list"]]
    assert names == ["Residential Center"]


def test_search_by_city(admin_client):
    TreatmentCenterFactory(name="Austin Center", state="TX", city="Austin")
    TreatmentCenterFactory(name="Phoenix Center")
    response = admin_client.get(admin_url(TreatmentCenter, "list"), {"q": "austin"})
    assert [c.name for c in response.context["object_list"]] == ["Austin Center"]


def test_add_edit_history_and_inspect_answer(admin_client):
    assert admin_client.get(admin_url(TreatmentCenter, "add")).status_code == 200
    center = TreatmentCenterFactory(programs=["intensive-outpatient"], hours=True, licenses=True, publish=True)
    for view in ("edit", "history", "inspect"):
        assert admin_client.get(admin_url(TreatmentCenter, view, center.pk)).status_code == 200, view


def test_bad_address_fields_are_refused_on_each_field(admin_client):
    data = center_form_data(state="ZZ", timezone="Phoenix", latitude="95", longitude="-112.07")
    response = admin_client.post(admin_url(TreatmentCenter, "add"), data)
    assert response.status_code == 200
    assert field_errors(response, "state") == [
        "'ZZ' is not a US state code; use the two-letter upper-case code, e.g. AZ."
    ]
    assert field_errors(response, "timezone") == ["'Phoenix' is not an IANA time zone such as America/Phoenix."]
    assert "between -90 and 90" in field_errors(response, "latitude")[0]
    assert field_errors(response, "longitude") == []
    assert not TreatmentCenter.objects.exists()


def test_lower_case_state_is_refused_with_the_expected_form(admin_client):
    response = admin_client.post(admin_url(TreatmentCenter, "add"), center_form_data(state="az"))
    assert field_errors(response, "state") == [
        "'az' is not a US state code; use the two-letter upper-case code, e.g. AZ."
    ]


def test_hours_that_close_before_opening_are_refused_on_the_row(admin_client):
    data = center_form_data(hours=inline_formset([{"day": "monday", "opens": "17:00", "closes": "09:00"}]))
    response = admin_client.post(admin_url(TreatmentCenter, "add"), data)
    assert response.status_code == 200
    hours_form = response.context["form"].formsets["hours"].forms[0]
    assert hours_form.errors["closes"] == ["Closing time must be after opening time."]


def test_create_with_program_and_publish(admin_client):
    level = LevelOfCare.objects.get(slug="partial-hospitalization")
    data = center_form_data(
        programs=inline_formset(
            [
                {
                    "level_of_care": level.pk,
                    "modality": "hybrid",
                    "days_per_week": "5",
                    "hours_per_week": "25",
                    "schedule": "",
                }
            ]
        ),
        **{"action-publish": "action-publish"},
    )
    response = admin_client.post(admin_url(TreatmentCenter, "add"), data)
    assert response.status_code == 302
    center = TreatmentCenter.objects.public().get(slug="camelback-recovery")
    assert [program.level_of_care.slug for program in center.programs.all()] == ["partial-hospitalization"]


def test_overlapping_hours_on_one_day_are_refused(admin_client):
    rows = [
        {"day": "monday", "opens": "08:00", "closes": "12:00"},
        {"day": "monday", "opens": "11:00", "closes": "17:00"},
        {"day": "tuesday", "opens": "11:00", "closes": "17:00"},
    ]
    response = admin_client.post(admin_url(TreatmentCenter, "add"), center_form_data(hours=inline_formset(rows)))
    assert response.status_code == 200
    forms = response.context["form"].formsets["hours"].forms
    assert forms[1].errors["opens"] == ["These hours overlap other hours on the same day."]
    assert not forms[0].errors and not forms[2].errors
    assert not TreatmentCenter.objects.exists()


def test_split_hours_on_one_day_are_accepted(admin_client):
    rows = [
        {"day": "monday", "opens": "13:00", "closes": "17:00"},
        {"day": "monday", "opens": "08:00", "closes": "12:00"},
    ]
    response = admin_client.post(admin_url(TreatmentCenter, "add"), center_form_data(hours=inline_formset(rows)))
    assert response.status_code == 302
    assert TreatmentCenter.objects.get().hours.count() == 2
