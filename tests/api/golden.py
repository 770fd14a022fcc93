"""Golden JSON files for the public contract: normalise volatile values, then compare with ``expected/``.

Set ``UPDATE_GOLDEN=1`` to rewrite the files after an intended change; review the diff like any other code.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

EXPECTED = Path(__file__).parent / "expected"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Dates the fixtures state explicitly (the seed's sign-off and citation dates); every other date is relative
# to today (credential verification, listing checks…) and is normalised.
FIXED_DATES = {"2025-12-22", "2025-12-20", "2026-12-22"}
# Django storage makes a taken name unique with "_<7 random characters>" before the first dot.
STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}(?=\.)")
VOLATILE_KEYS = {"id", "number", "@id"}
# Moves with the calendar (current / due / overdue), not with the content.
CALENDAR_KEYS = {"review_status"}


def normalise(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: normalise(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [normalise(item, key) for item in value]
    if key in CALENDAR_KEYS:
        return "<calendar>"
    if key in VOLATILE_KEYS and isinstance(value, int) and not isinstance(value, bool):
        return "<id>"
    if isinstance(value, str):
        if key == "id" and UUID.match(value):
            return "<uuid>"
        if key == "number" and re.match(r"^[A-Z]+-\d+$", value):
            return "<license-number>"
        if key in ("street", "streetAddress") and re.match(r"^\d+ W Camelback Rd$", value):
            return "<factory street>"  # factory sequence: depends on test order
        if ISO_DATE.match(value) and value not in FIXED_DATES:
            return "<date>"
        value = value.replace(settings.FRONTEND_BASE_URL, "<frontend>").replace(settings.MEDIA_BASE_URL, "<media>")
        if value.startswith("<media>"):
            value = STORAGE_SUFFIX.sub("", value)
    return value


def assert_matches_golden(name: str, data: Any) -> None:
    path = EXPECTED / f"{name}.json"
    actual = normalise(data)
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False, sort_keys=False) + "\n")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"{path.name} did not exist and was written: review it and commit it")
    expected = json.loads(path.read_text())
    assert actual == expected, f"{path.name} differs; if intended, rerun with UPDATE_GOLDEN=1 and review the diff"
