"""R3: one writer publishes the same article 200 times while 16 readers read it over HTTP (20 times in the
normal suite; ``VERITY_LOADTEST=1`` runs the row's full 200).

The writer is this test process, publishing through the product's path (a new revision, an eligible clinician's
sign-off, ``publish_signed``); a real server process answers 16 reader threads (their own process, see
``tests/ops/torn_reads.py``) reading the article's detail and the article list. A response that is an error,
mixes two revisions' title, body and stamps, or shows an older revision than that reader already saw fails.
"""

from __future__ import annotations

import datetime
import json
import multiprocessing
import os
import socket
import time
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.utils import timezone

from api.published.build import BUILD_SETTINGS
from api.published.models import StoredRepresentation
from pages.models import ArticlePage
from pages.review.services import publish_signed
from tests.factories import article_index, edit, published_article, reviewer, sign
from tests.integration.servers import Servers, delete_redis_keys, get, server_environment
from tests.ops.torn_reads import CATEGORIES, DETAIL, REVIEWERS, SLUG, detail_revision, revision_fields, run_readers

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

READERS = 16
SPEC_PUBLISHES = 200  # the row's size: minutes on a shared 2-core machine (docs/reliability.md, R3)
SUITE_PUBLISHES = 20  # the same test, bounded for the normal suite
FULL_SIZE = pytest.mark.skipif(
    not os.environ.get("VERITY_LOADTEST"), reason="R3 at full size (200 publishes) runs with VERITY_LOADTEST=1"
)


def as_environment(name: str, value: object) -> str:
    """A setting written back the way its environment variable is read (LANGUAGES: ``code:Name`` pairs)."""
    if name == "LANGUAGES":
        return ",".join(f"{code}:{label}" for code, label in value)  # type: ignore[attr-defined]
    return str(value)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path) -> Iterator[str]:
    """One server process building stored rows exactly as this process does (the same build key), as all
    processes of one deployment do: rows the writer built are served, not rebuilt by readers."""
    port = free_port()
    env = server_environment(**{name: as_environment(name, getattr(settings, name)) for name in BUILD_SETTINGS})
    servers = Servers((port,))
    try:
        servers.start(env, tmp_path)
        yield f"http://127.0.0.1:{port}"
    finally:
        servers.stop()
        delete_redis_keys(env["REDIS_URL"], env["CACHE_KEY_PREFIX"])


@pytest.mark.parametrize("publishes", [SUITE_PUBLISHES, pytest.param(SPEC_PUBLISHES, marks=FULL_SIZE)])
def test_publishes_under_16_readers_give_no_errors_and_no_torn_reads(served, publishes):
    article_index()
    reviewers = [
        reviewer(category, ("MD",) if category == "medical" else ("LPC",), name=name)
        for name, category in zip(REVIEWERS, CATEGORIES, strict=True)
    ]
    page = published_article(reviewers[0], slug=SLUG, **revision_fields(0))
    today = timezone.localdate()
    dates = [today.isoformat(), (today + datetime.timedelta(days=1)).isoformat()]  # a run may cross midnight
    built = StoredRepresentation.objects.get(kind="article", object_id=page.pk).built_at
    assert detail_revision(json.loads(get(served + DETAIL)[1]), set(dates)) == 0
    assert StoredRepresentation.objects.get(kind="article", object_id=page.pk).built_at == built  # same build

    spawn = multiprocessing.get_context("spawn")
    stop, results = spawn.Event(), spawn.Queue()
    readers = spawn.Process(target=run_readers, args=(served, READERS, dates, stop, results))
    readers.start()
    try:
        started = time.monotonic()
        for number in range(1, publishes + 1):
            revision = edit(page, **revision_fields(number))
            sign(revision, reviewers[number % 3])
            publish_signed(revision)
        elapsed = time.monotonic() - started
    finally:
        stop.set()
        summary = results.get(timeout=120)
        readers.join(30)

    print(f"\nR3: {publishes} publishes in {elapsed:.1f} s under {READERS} readers: {summary['reads']} whole reads")
    assert summary["errors"] == [], summary["errors"][:10]
    assert ArticlePage.objects.get(pk=page.pk).title == revision_fields(publishes)["title"]
    assert detail_revision(json.loads(get(served + DETAIL)[1]), set(dates)) == publishes  # the last commit
    assert summary["reads"] >= READERS and summary["revisions_seen"] > 1  # the readers overlapped the publishes
