"""Which requests may read from a replica, and what always stays on the primary (no replica needed)."""

from __future__ import annotations

import pytest
from django.core.cache.backends.db import DatabaseCache
from django.test import RequestFactory

from cms.db_router import ReplicaRouter, _request_database, _RequestDatabase, replica_eligible
from pages.models import ArticlePage

factory = RequestFactory()


@pytest.mark.parametrize(
    ("method", "path", "eligible"),
    [
        ("get", "/api/v1/articles/", True),
        ("head", "/api/v1/articles/some-slug/", True),
        ("get", "/api/v1/centers/?near=33.5,-112.1", True),
        ("get", "/api/v1/changes/?after=10", False),  # cursors must never go backwards
        ("get", "/api/v1/preview/?token=x", False),  # drafts
        ("post", "/api/v1/articles/", False),
        ("get", "/admin/pages/", False),
        ("get", "/readyz", False),
    ],
)
def test_only_public_api_reads_may_use_a_replica(method, path, eligible):
    assert replica_eligible(getattr(factory, method)(path)) is eligible


def test_one_request_reads_one_database_and_writes_and_the_cache_stay_on_the_primary(monkeypatch):
    chosen = iter(["replica_1", "replica_0"])
    monkeypatch.setattr("cms.db_router.choose_database", lambda: next(chosen))
    router = ReplicaRouter()
    cache_model = DatabaseCache("verity_cache", {}).cache_model_class

    assert router.db_for_read(ArticlePage) == "default"  # outside a replica-eligible request
    token = _request_database.set(_RequestDatabase())
    try:
        assert router.db_for_read(ArticlePage) == "replica_1"
        assert router.db_for_read(ArticlePage) == "replica_1"  # decided once for the whole request
        assert router.db_for_write(ArticlePage) == "default"
        assert router.db_for_read(cache_model) == "default"
    finally:
        _request_database.reset(token)
