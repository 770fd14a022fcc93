"""Fixtures for the public API tests."""

from __future__ import annotations

import pytest

from tests.factories import seed_content
from tests.shared_data import shared_transaction


@pytest.fixture
def seed(db):
    return seed_content()


@pytest.fixture(scope="module")
def _seed_for_module(django_db_setup, django_db_blocker):
    yield from shared_transaction(django_db_blocker, seed_content)


@pytest.fixture
def shared_seed(_seed_for_module, db):
    """``seed`` built once per module (for modules whose every test reads it; see :mod:`tests.shared_data`),
    with fresh instances per test, so an in-memory change in one test cannot reach the next."""
    seed = {name: fresh(value) for name, value in _seed_for_module.items() if name != "providers"}
    seed["providers"] = {name: fresh(provider) for name, provider in _seed_for_module["providers"].items()}
    return seed


def fresh(instance):
    return type(instance)._default_manager.get(pk=instance.pk)


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
