"""Sample Arizona treatment centers (not real facilities): real city-centre coordinates, fictional 555 numbers."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

LISTING_VERIFIED_ON = datetime.date(2025, 12, 1)
# Who verified the sample listings: the demo's credentialing coordinator (a Credentialing account with no password).
LISTING_VERIFIER = {"username": "dana.whitfield", "first_name": "Dana", "last_name": "Whitfield"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]

IOP = {
    "level_of_care": "intensive-outpatient",
    "days_per_week": 3,
    "hours_per_week": 9,
    "schedule": "Mon/Wed/Fri 9am–12pm or Tue/Thu/Sat evenings",
    "modality": "in_person",
}
PHP = {
    "level_of_care": "partial-hospitalization",
    "days_per_week": 5,
    "hours_per_week": 25,
    "schedule": "Mon–Fri 9am–2pm",
    "modality": "in_person",
}
CORE_SERVICES = ["dbt", "cbt", "group-therapy", "individual-therapy", "skills-training"]
COMMON: dict[str, Any] = {
    "is_sample_listing": True,
    "state": "AZ",
    "timezone": "America/Phoenix",
    "website": "",
    "conditions": ["depression", "anxiety"],
    "populations": ["adults", "young-adults"],
    "languages": ["english", "spanish"],
    "payers": ["private-insurance", "medicaid", "self-pay"],
    "accepting_new_patients": True,
    "accepting_as_of": LISTING_VERIFIED_ON,
    "listing_verified_on": LISTING_VERIFIED_ON,
    "listing_verified_by": LISTING_VERIFIER,
    "listing_verification_method": "phone",
    "hours": [(day, "08:00", "18:00") for day in WEEKDAYS],
    "license": {
        "kind": "license",
        "name": "Outpatient Treatment Center license (sample)",
        "issuer": "Arizona Department of Health Services",
        "expires_on": datetime.date(2027, 12, 31),
    },
}


def _center(city: str, street: str, postal_code: str, lat: str, lng: str, phone: str, **extra) -> dict:
    """A sample listing; ``phone`` is "(area) 555-01N" — main line ends in 0, intake in 1 (fictional numbers)."""
    slug_city = city.lower()
    return {
        **COMMON,
        "name": f"Arizona IOP – {city} (sample listing)",
        "slug": f"arizona-iop-{slug_city}-sample",
        "summary": f"Sample listing for demonstration: intensive outpatient care for depression and anxiety in {city}.",
        "street": street,
        "city": city,
        "postal_code": postal_code,
        "latitude": Decimal(lat),
        "longitude": Decimal(lng),
        "phone_main": f"{phone}0",
        "phone_intake": f"{phone}1",
        "phone_after_hours": "",
        "listing_verification_source": f"Admissions line {phone}1: the intake coordinator confirmed programs, hours "
        "and insurance accepted",
        **extra,
    }


CENTERS = [
    _center(
        "Phoenix",
        "100 N Central Ave (sample address)",
        "85004",
        "33.448400",
        "-112.074000",
        "(602) 555-010",
        programs=[IOP, PHP],
        services=[*CORE_SERVICES, "medication-management"],
        phone_after_hours="(602) 555-0199",
        hours=[*COMMON["hours"], ("saturday", "09:00", "13:00")],
    ),
    _center(
        "Scottsdale",
        "200 N Scottsdale Rd (sample address)",
        "85251",
        "33.494200",
        "-111.926100",
        "(480) 555-011",
        programs=[IOP],
        services=CORE_SERVICES,
    ),
    _center(
        "Tempe",
        "300 S Mill Ave (sample address)",
        "85281",
        "33.425500",
        "-111.940000",
        "(480) 555-012",
        programs=[IOP, {**IOP, "modality": "telehealth", "schedule": "Mon/Wed/Thu evenings by video"}],
        services=CORE_SERVICES,
    ),
    _center(
        "Mesa",
        "400 W Main St (sample address)",
        "85201",
        "33.415200",
        "-111.831500",
        "(480) 555-013",
        programs=[IOP, PHP],
        services=[*CORE_SERVICES, "medication-management"],
    ),
    _center(
        "Tucson",
        "500 E Congress St (sample address)",
        "85701",
        "32.222600",
        "-110.974700",
        "(520) 555-014",
        programs=[{**IOP, "modality": "hybrid"}],
        services=CORE_SERVICES,
    ),
]
