"""Shared fixtures: API client, users per role, and visible skips for PostgreSQL/Chromium-only tests."""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings
from rest_framework.test import APIClient

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    using_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    has_chromium = shutil.which(CHROMIUM_PATH) is not None
    try:
        import playwright  # noqa: F401
    except ImportError:  # pragma: no cover - playwright is in the dev lock
        has_chromium = False
    skip_pg = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://… to run")
    skip_browser = pytest.mark.skip(reason=f"needs headless Chromium at {CHROMIUM_PATH} (apt-get install chromium)")
    for item in items:
        if "postgres" in item.keywords and not using_postgres:
            item.add_marker(skip_pg)
        if "browser" in item.keywords and not has_chromium:
            item.add_marker(skip_browser)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()
