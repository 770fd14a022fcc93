"""Validators for provider data."""

from __future__ import annotations

from django.core.exceptions import ValidationError

# The NPI check digit is the Luhn digit of the 9-digit identifier prefixed with 80840 (CMS NPI standard).
NPI_LUHN_PREFIX = "80840"


def npi_check_digit_is_valid(npi: str) -> bool:
    digits = [int(char) for char in NPI_LUHN_PREFIX + npi]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def validate_npi(value: str) -> None:
    if not (len(value) == 10 and value.isdigit()):
        raise ValidationError("An NPI is exactly 10 digits.", code="npi_format")
    if not npi_check_digit_is_valid(value):
        raise ValidationError("This NPI's check digit is wrong; check for a typo.", code="npi_check_digit")


def validate_timezone(value: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not an IANA time zone such as America/Phoenix.", code="timezone")
