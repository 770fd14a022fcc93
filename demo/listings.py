"""Contacts and accreditations of the sample centers (fictional numbers, example.com addresses, sample ids)."""

from __future__ import annotations

import datetime
from typing import Any

from providers.models import CenterAccreditation, CenterContact


def contacts(data: dict[str, Any]) -> list[CenterContact]:
    """Admissions phone and intake form for every sample center; a general e-mail and the after-hours line too."""
    slug = data["slug"]
    rows = [
        CenterContact(kind="phone", purpose="admissions", label="Admissions", value=data["phone_intake"]),
        CenterContact(kind="intake", purpose="admissions", value=f"https://intake.example.com/{slug}/"),
        CenterContact(kind="email", purpose="general", value=f"{slug}@example.com"),
    ]
    if data.get("phone_after_hours"):
        rows.append(CenterContact(kind="phone", purpose="after_hours", value=data["phone_after_hours"]))
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows


def accreditations(data: dict[str, Any]) -> list[CenterAccreditation]:
    """Joint Commission for every sample center; CARF for those with partial hospitalization too."""
    number = sum(data["slug"].encode()) % 10_000
    rows = [
        CenterAccreditation(
            body="joint_commission",
            program="Behavioral Health Care and Human Services (sample)",
            identifier=f"SAMPLE-TJC-{number:04d}",
            accredited_on=datetime.date(2024, 3, 1),
            expires_on=datetime.date(2027, 3, 1),
        )
    ]
    if any(program["level_of_care"] == "partial-hospitalization" for program in data["programs"]):
        rows.append(
            CenterAccreditation(
                body="carf",
                program="Partial Hospitalization: Mental Health (Adults) (sample)",
                identifier=f"SAMPLE-CARF-{number:04d}",
                accredited_on=datetime.date(2025, 1, 15),
                expires_on=datetime.date(2028, 1, 31),
            )
        )
    for position, row in enumerate(rows):
        row.sort_order = position
    return rows
