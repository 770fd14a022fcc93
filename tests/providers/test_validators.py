"""Validation editors hit: NPI check digit, state codes, time zones, coordinates, hours and credential dates."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from providers.models import CenterHours, CenterProgram, CredentialHolding, CrisisResource, TreatmentCenter
from providers.validators import (
    npi_check_digit_is_valid,
    npi_with_check_digit,
    validate_latitude,
    validate_longitude,
    validate_npi,
    validate_timezone,
    validate_us_state,
)
from tests.factories.providers import CredentialFactory, TreatmentCenterFactory, days_ago


def messages(error: ValidationError, field: str) -> list[str]:
    return error.message_dict.get(field, [])


class TestNpi:
    def test_real_format_npi_with_correct_check_digit_is_valid(self):
        validate_npi("1234567893")
        assert npi_check_digit_is_valid("1234567893")

    @pytest.mark.parametrize("value", ["123456789", "12345678901", "12345678a3", " 234567893", ""])
    def test_anything_but_ten_digits_is_refused(self, value):
        with pytest.raises(ValidationError) as caught:
            validate_npi(value)
        assert caught.value.messages == ["An NPI is exactly 10 digits."]

    @pytest.mark.parametrize("value", ["1234567890", "1234567894", "2234567893"])
    def test_wrong_check_digit_is_refused(self, value):
        with pytest.raises(ValidationError) as caught:
            validate_npi(value)
        assert caught.value.code == "npi_check_digit"
        assert "check digit" in caught.value.messages[0]

    def test_check_digit_helper_round_trips(self):
        assert npi_with_check_digit("123456789") == "1234567893"
        for identifier in ("100000000", "199999999", "245319870"):
            validate_npi(npi_with_check_digit(identifier))
        with pytest.raises(ValueError):
            npi_with_check_digit("12345")


class TestSimpleValidators:
    @pytest.mark.parametrize("value", ["AZ", "DC", "PR", "TX"])
    def test_state_codes(self, value):
        validate_us_state(value)

    @pytest.mark.parametrize("value", ["az", "Arizona", "ZZ", "A", ""])
    def test_bad_state_codes(self, value):
        with pytest.raises(ValidationError, match="two-letter upper-case"):
            validate_us_state(value)

    def test_time_zones(self):
        validate_timezone("America/Phoenix")
        for bad in ("America/phoenix", "Mars/Olympus", "posix/UTC", "../etc/passwd", ""):
            with pytest.raises(ValidationError, match="IANA time zone"):
                validate_timezone(bad)

    def test_coordinates(self):
        validate_latitude(Decimal("33.5"))
        validate_longitude(Decimal("-112.07"))
        with pytest.raises(ValidationError, match="between -90 and 90"):
            validate_latitude(Decimal("91"))
        with pytest.raises(ValidationError, match="between -180 and 180"):
            validate_longitude(Decimal("-180.5"))


@pytest.mark.django_db
class TestModelValidation:
    def test_center_reports_each_bad_field_on_that_field(self):
        center = TreatmentCenterFactory.build(
            state="az", timezone="Phoenix", latitude=Decimal("112.0"), longitude=Decimal("33.0"), postal_code="8501"
        )
        with pytest.raises(ValidationError) as caught:
            center.full_clean()
        errors = caught.value.message_dict
        assert set(errors) >= {"state", "timezone", "latitude", "postal_code"}
        assert "longitude" not in errors
        assert "AZ" in errors["state"][0]

    def test_center_dates_cannot_be_in_the_future(self):
        center = TreatmentCenterFactory.build(listing_verified_on=days_ago(-1), accepting_as_of=days_ago(-2))
        with pytest.raises(ValidationError) as caught:
            center.full_clean()
        assert set(caught.value.message_dict) == {"listing_verified_on", "accepting_as_of"}

    def test_valid_center_passes(self):
        TreatmentCenterFactory.build(slug="a-valid-center").full_clean()

    def test_hours_must_close_after_opening(self):
        center = TreatmentCenterFactory()
        hours = CenterHours(center=center, day="monday", opens=datetime.time(17), closes=datetime.time(9))
        with pytest.raises(ValidationError) as caught:
            hours.full_clean()
        assert messages(caught.value, "closes") == ["Closing time must be after opening time."]

    def test_program_hours_fit_the_week(self):
        center = TreatmentCenterFactory()
        program = CenterProgram(center=center, level_of_care_id=1, days_per_week=2, hours_per_week=60)
        with pytest.raises(ValidationError) as caught:
            program.full_clean()
        assert "hours_per_week" in caught.value.message_dict

    def test_credential_must_expire_after_issue(self):
        holding = CredentialHolding(
            credential=CredentialFactory(code="LPC"),
            issued_on=datetime.date(2024, 5, 1),
            expires_on=datetime.date(2024, 4, 30),
        )
        with pytest.raises(ValidationError) as caught:
            holding.clean()
        assert messages(caught.value, "expires_on") == ["A credential must expire after the date it was issued."]

    def test_verification_needs_a_date_and_a_method(self):
        holding = CredentialHolding(credential=CredentialFactory(code="LPC"), verified_on=days_ago(3))
        with pytest.raises(ValidationError) as caught:
            holding.clean()
        assert messages(caught.value, "verification_method") == ["Say how this credential was verified."]

        holding = CredentialHolding(credential=CredentialFactory(code="LPC"), verification_method="document")
        with pytest.raises(ValidationError) as caught:
            holding.clean()
        assert "verified_on" in caught.value.message_dict

    def test_verification_cannot_be_in_the_future(self):
        holding = CredentialHolding(
            credential=CredentialFactory(code="LPC"), verified_on=days_ago(-1), verification_method="document"
        )
        with pytest.raises(ValidationError) as caught:
            holding.clean()
        assert messages(caught.value, "verified_on") == ["A verification date cannot be in the future."]

    def test_crisis_resource_needs_a_way_to_reach_it(self):
        with pytest.raises(ValidationError) as caught:
            CrisisResource(name="Empty line").full_clean()
        assert "call" in caught.value.message_dict


def test_treatment_center_state_field_uses_the_state_validator():
    assert validate_us_state in TreatmentCenter._meta.get_field("state").validators
