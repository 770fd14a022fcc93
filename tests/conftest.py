"""Shared fixtures: API client, users per role, and visible skips for PostgreSQL/Chromium-only tests."""

from __future__ import annotations

import os
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from rest_framework.test import APIClient

from tests import fast_png, scheduling

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_configure(config):
    fast_png.install()


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
        restore_migration_data_after_flush(item)
        if "postgres" in item.keywords and not using_postgres:
            item.add_marker(skip_pg)
        if "browser" in item.keywords and not has_chromium:
            item.add_marker(skip_browser)
    scheduling.slow_files_first(items)


def restore_migration_data_after_flush(item) -> None:
    """Transactional tests end by flushing every table, which would also wipe what data migrations seed
    (vocabularies, the 988 crisis line, reviewer groups, the clinical-review workflow) for every later
    transactional test. Serialized rollback restores it; applying it here keeps that rule in one place."""
    marker = item.get_closest_marker("django_db")
    if marker is None or not marker.kwargs.get("transaction") or "serialized_rollback" in marker.kwargs:
        return
    item.add_marker(pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True), append=False)


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database gets the cache table too: API responses and throttles live in the database cache."""
    with django_db_blocker.unblock():
        call_command("createcachetable", verbosity=0)


@pytest.fixture(autouse=True)
def _no_cached_responses_across_tests(request, django_db_blocker):
    """Transactional tests commit cache rows (the flush keeps the cache table): empty it after each one."""
    yield
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction")) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    if transactional:
        with django_db_blocker.unblock():
            cache.clear()
