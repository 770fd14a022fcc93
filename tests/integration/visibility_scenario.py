"""The visibility rows P1-P6 of the reliability matrix as one scenario, replayed through any way of reading.

A reader is a callable taking an API path and returning ``[(status, body), ...]``: one answer per server it
reads through (the in-process test client gives one; two server processes give two). Every step changes the
content in the database through the normal write paths, then asserts what every reader answers on its very
next request. The scenario knows nothing about caches: the tests around it decide which cache (evicting,
cleared, unreachable, shared between processes) sits in front.
"""

from __future__ import annotations

import datetime
import time
import uuid
from collections.abc import Callable
from urllib.parse import quote

from django.utils import timezone
from wagtail.models import PageViewRestriction

from api import paths
from pages.models import ArticlePage
from tests.factories import draft_article, public_article, publish

Reader = Callable[[str], list[tuple[int, str]]]
UNKNOWN_DETAIL = "/api/v1/articles/no-such-article-anywhere/"
# P5 publishes an article that expires soon, reads it into the caches, then waits for the expiry. The expiry
# must leave time to publish and warm the caches, which on a loaded machine takes seconds; instead of always
# waiting the worst case (a fixed 8 s, four times per matrix), it is a multiple of how long the scenario's first
# publish-and-warm (same work, same readers) took in this run, between a floor and the old fixed 8 s.
EXPIRY_FLOOR_SECONDS = 2.0
EXPIRY_CEILING_SECONDS = 8.0
EXPIRY_MARGIN = 4.0


def _surfaces(page: ArticlePage, marker: str) -> list[str]:
    """Every public surface an article can appear in: detail, list, search, sitemap, routes."""
    return [
        f"/api/v1/articles/{page.slug}/",
        "/api/v1/articles/?page_size=100",
        f"/api/v1/search/?q={quote(marker)}",
        "/api/v1/sitemap/",
        f"/api/v1/routes/?path={quote(paths.page_path(page.url_path))}",
    ]


def assert_public(read: Reader, page: ArticlePage, marker: str) -> None:
    for path in _surfaces(page, marker):
        for status, body in read(path):
            assert status == 200, (path, status, body[:300])
            assert page.slug in body, (path, body[:300])


def assert_hidden(read: Reader, page: ArticlePage, marker: str) -> None:
    """Absent everywhere; detail and routes answer exactly like something that never existed."""
    unknown = read(UNKNOWN_DETAIL)
    detail, *lists = _surfaces(page, marker)
    for (status, body), (unknown_status, unknown_body) in zip(read(detail), unknown, strict=True):
        assert (status, body) == (unknown_status, unknown_body) == (404, unknown_body), (detail, body[:300])
    for path in lists:
        for status, body in read(path):
            assert status in (200, 404), (path, status, body[:300])
            assert page.slug not in body and marker not in body, (path, body[:300])


def _marker(label: str) -> str:
    return f"{label}{uuid.uuid4().hex[:10]}"


def run(read: Reader) -> None:
    """P1-P6 in sequence; each assertion is about the first request after the change commits."""
    live_marker = _marker("Livetitle")
    started = time.monotonic()
    live = public_article(title=f"{live_marker} anxiety", slug=f"live-{uuid.uuid4().hex[:8]}")
    assert_public(read, live, live_marker)  # warms every cache in front
    warm_seconds = time.monotonic() - started
    expiry_seconds = min(EXPIRY_CEILING_SECONDS, max(EXPIRY_FLOOR_SECONDS, EXPIRY_MARGIN * warm_seconds))

    # P2: a newer draft of a live article: only the signed-off live revision's text is served.
    draft_marker = _marker("Drafttitle")
    page = ArticlePage.objects.get(pk=live.pk)
    page.title = f"{draft_marker} never signed"
    page.save_revision()
    assert_public(read, live, live_marker)
    for path in _surfaces(live, draft_marker):
        for _status, body in read(path):
            assert draft_marker not in body, (path, body[:300])

    # P1: a never-published article is absent everywhere.
    never_marker = _marker("Nevertitle")
    never = draft_article(title=f"{never_marker} draft", slug=f"never-{uuid.uuid4().hex[:8]}")
    assert_hidden(read, never, never_marker)

    # P4: a view restriction hides a live article everywhere.
    restricted_marker = _marker("Restrictedtitle")
    restricted = public_article(title=f"{restricted_marker} members", slug=f"restricted-{uuid.uuid4().hex[:8]}")
    assert_public(read, restricted, restricted_marker)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="pw")
    assert_hidden(read, restricted, restricted_marker)

    # P6: a publish with go_live_at in the future is not public.
    future_marker = _marker("Futuretitle")
    future = draft_article(title=f"{future_marker} later", slug=f"future-{uuid.uuid4().hex[:8]}")
    future.go_live_at = timezone.now() + datetime.timedelta(days=1)
    future = publish(future)
    assert_hidden(read, future, future_marker)

    # P5: expire_at passes (no scheduler run, no publish): hidden from the next request on.
    expiring_marker = _marker("Expiringtitle")
    expiring = draft_article(title=f"{expiring_marker} soon", slug=f"expiring-{uuid.uuid4().hex[:8]}")
    expiring.expire_at = timezone.now() + datetime.timedelta(seconds=expiry_seconds)
    expiring = publish(expiring)
    for path in _surfaces(expiring, expiring_marker)[:2]:  # detail and list, cached before it expires
        for status, body in read(path):
            assert timezone.now() >= expiring.expire_at or (status == 200 and expiring.slug in body), path
    time.sleep(max(0.0, (expiring.expire_at - timezone.now()).total_seconds()) + 0.2)
    assert_hidden(read, expiring, expiring_marker)

    # P3: unpublish: gone from detail, lists, search, sitemap and routes at once.
    ArticlePage.objects.get(pk=live.pk).unpublish()
    assert_hidden(read, live, live_marker)
