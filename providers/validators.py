"""Validators for provider data: NPI, US state codes, time zones and coordinates.

Each validator raises ``ValidationError`` with a message an editor can act on; Wagtail shows it on the field.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError

# The NPI check digit is the Luhn digit of the 9-digit identifier prefixed with 80840 (CMS NPI standard).
NPI_LUHN_PREFIX = "80840"

# USPS codes for the states, DC and the territories where US licenses are issued.
US_STATE_CODES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}


def _luhn_total(digits: str) -> int:
    total = 0
    for index, char in enumerate(reversed(digits)):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total


def npi_check_digit_is_valid(npi: str) -> bool:
    """True when the 10th digit of ``npi`` is the Luhn check digit of the first nine (with the 80840 prefix)."""
    return _luhn_total(NPI_LUHN_PREFIX + npi) % 10 == 0


def npi_with_check_digit(identifier: str) -> str:
    """Append the check digit to a 9-digit identifier, e.g. ``"123456789"`` -> ``"1234567893"``."""
    if not (len(identifier) == 9 and identifier.isdigit()):
        raise ValueError("An NPI identifier before its check digit is exactly 9 digits.")
    total = _luhn_total(NPI_LUHN_PREFIX + identifier + "0")
    return identifier + str((10 - total % 10) % 10)


def validate_npi(value: str) -> None:
    """A National Provider Identifier: 10 digits whose last digit is the Luhn check digit."""
    if not (len(value) == 10 and value.isdigit()):
        raise ValidationError("An NPI is exactly 10 digits.", code="npi_format")
    if not npi_check_digit_is_valid(value):
        raise ValidationError("This NPI's check digit is wrong; check for a typo.", code="npi_check_digit")


def validate_us_state(value: str) -> None:
    """A two-letter upper-case USPS state, DC or territory code such as AZ."""
    if value not in US_STATE_CODES:
        raise ValidationError(
            f"{value!r} is not a US state code; use the two-letter upper-case code, e.g. AZ.", code="state"
        )


def validate_latitude(value: Decimal | float) -> None:
    """A latitude in decimal degrees, between -90 and 90."""
    if not -90 <= value <= 90:
        raise ValidationError(
            "Latitude is in decimal degrees between -90 and 90 (Phoenix is about 33.45).", code="latitude"
        )


def validate_longitude(value: Decimal | float) -> None:
    """A longitude in decimal degrees, between -180 and 180."""
    if not -180 <= value <= 180:
        raise ValidationError(
            "Longitude is in decimal degrees between -180 and 180 (Phoenix is about -112.07; US longitudes are negative).",
            code="longitude",
        )


@functools.cache
def _iana_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def validate_timezone(value: str) -> None:
    """An IANA time zone name such as America/Phoenix."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"{value!r} is not an IANA time zone such as America/Phoenix.", code="timezone")
    if value not in _iana_timezones():
        # ZoneInfo also accepts file paths such as "posix/UTC" or case variants on some systems.
        raise ValidationError(f"{value!r} is not an IANA time zone such as America/Phoenix.", code="timezone")
