"""The bulk loader behind `make bench` and `make loadtest` (PostgreSQL only): its clones are served like articles
the product built, in every encoding a client may ask for (locust, like browsers, sends Accept-Encoding: gzip)."""

from __future__ import annotations

import gzip

import pytest
from django.core.management import call_command

from benchmarks.bulk import SLUG_PREFIX, bulk_articles

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_bulk_loaded_articles_are_served_plain_and_compressed(api_client):
    call_command("load_demo", verbosity=0)
    bulk_articles(3, log=lambda line: None)
    for number in range(3):
        url = f"/api/v1/articles/{SLUG_PREFIX}{number:05d}/"
        plain = api_client.get(url)
        compressed = api_client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate")
        assert plain.status_code == compressed.status_code == 200, (plain.content[:200], compressed.content[:200])
        assert compressed["Content-Encoding"] == "gzip"
        assert gzip.decompress(compressed.content) == plain.content
        assert plain.json()["slug"] == f"{SLUG_PREFIX}{number:05d}"
