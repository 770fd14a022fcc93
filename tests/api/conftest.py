"""Fixtures for the public API tests."""

from __future__ import annotations

import pytest

from tests.factories import seed_content


@pytest.fixture
def seed(db):
    return seed_content()


@pytest.fixture
def locmem_cache(settings):
    """A per-process cache, so counted queries are the view's own (the default cache is the database)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api-tests"}}
    from django.core.cache import cache

    cache.clear()
    return cache


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run on-commit work (events, cache invalidation) of the changes made inside ``with committed():``."""

    def run():
        return django_capture_on_commit_callbacks(execute=True)

    return run
