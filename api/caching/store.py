"""The optional store of built API responses: an accelerator whose every hit is confirmed by the database.

Entries live in ``CACHES['default']`` (Redis when ``REDIS_URL`` is set, else the database cache table), and any
of them may vanish at any moment: eviction, expiry, a flush or an unreachable Redis only cost a rebuild.
Whether an entry may be served is decided by PostgreSQL alone (:mod:`api.caching.versions`):

* before the view runs, the request reads a :class:`BuildStamp` (the committed clock and the ``articles``
  tag version: one query) and the entry records the clock as ``built_at``;
* :func:`invalidate_tags` bumps tag versions inside the transaction of the change;
* :func:`lookup` serves an entry only when one indexed query shows none of its tags moved past ``built_at``.

Time also changes what is public without any publish: a live article disappears when its ``expire_at`` passes
(before ``publish_scheduled`` runs) and appears when its ``go_live_at`` does. Every entry that contains article
data therefore also expires at :func:`next_visibility_change`, computed from the database; the cache keeps the
computed moment only as an accelerator, tagged with the ``articles`` version it was computed at.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db.models import Min, Q
from django.utils import timezone

from . import versions
from .models import CLOCK_TAG

CACHE_ALIAS = "default"
_ENTRY_PREFIX = "api:resp:v2:"
DEFAULT_ENTRY_SECONDS = 24 * 60 * 60
_VISIBILITY_KEY = "api:visibility-change:v2"
ARTICLE_LIST_TAG = "articles"


@dataclass
class CachedResponse:
    """What is needed to replay a built response without running the view."""

    status: int
    content: bytes
    headers: dict[str, str]
    tags: list[str]
    etag: str
    last_modified: float  # POSIX timestamp
    built_at: int  # the committed clock read before the response was built
    extra: dict = field(default_factory=dict)  # "valid_until": POSIX time after which it is stale

    @property
    def valid_until(self) -> float | None:
        return self.extra.get("valid_until")


@dataclass(frozen=True)
class BuildStamp:
    """Read before a response is built: the committed clock and the ``articles`` tag version."""

    clock: int
    articles: int


def _cache():
    return caches[CACHE_ALIAS]


def entry_key(variant: str) -> str:
    return _ENTRY_PREFIX + hashlib.sha256(variant.encode()).hexdigest()


def build_stamp() -> BuildStamp:
    """One query; call it before the view reads any content."""
    found = versions.read([ARTICLE_LIST_TAG])
    return BuildStamp(clock=found[CLOCK_TAG], articles=found[ARTICLE_LIST_TAG])


def current_clock() -> int:
    return build_stamp().clock


def lookup(key: str) -> CachedResponse | None:
    """The entry under ``key`` when the database confirms none of its tags changed since it was built."""
    entry = _cache().get(key)
    if not isinstance(entry, CachedResponse):
        return None
    if entry.valid_until is not None and time.time() >= entry.valid_until:
        return None
    if not versions.is_current(entry.built_at, entry.tags):
        return None
    return entry


def store(key: str, entry: CachedResponse) -> None:
    seconds = getattr(settings, "API_RESPONSE_CACHE_SECONDS", DEFAULT_ENTRY_SECONDS)
    if entry.valid_until is not None:
        seconds = max(1, min(seconds, int(entry.valid_until - time.time())))
    _cache().set(key, entry, timeout=seconds)


def contains_articles(tags: Iterable[str]) -> bool:
    return any(tag == ARTICLE_LIST_TAG or tag.startswith("article-") for tag in tags)


def next_visibility_change(stamp: BuildStamp | None = None) -> float | None:
    """POSIX time of the next moment an article becomes public or stops being public by the clock alone.

    Recomputed from the database (one query) unless the cache holds a value computed at a clock no older than
    the last ``articles`` invalidation and not newer than the committed clock (a restored or flushed table)."""
    stamp = stamp or build_stamp()
    cache = _cache()
    known = cache.get(_VISIBILITY_KEY)
    if isinstance(known, tuple) and len(known) == 2:
        computed_at, moment = known
        if stamp.articles <= computed_at <= stamp.clock and (moment is None or moment > time.time()):
            return moment
    moment = scheduled_visibility_change()
    cache.set(_VISIBILITY_KEY, (stamp.clock, moment), timeout=None)
    return moment


def scheduled_visibility_change() -> float | None:
    """POSIX time of the earliest future ``expire_at`` or ``go_live_at`` of a live article (one query)."""
    from pages.models import ArticlePage

    now = timezone.now()
    bounds = ArticlePage.objects.filter(live=True).aggregate(
        expires=Min("expire_at", filter=Q(expire_at__gt=now)),
        goes_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
    )
    moments = [moment.timestamp() for moment in bounds.values() if moment is not None]
    return min(moments) if moments else None


def invalidate_tags(tags: Iterable[str]) -> int:
    """Make every stored response built from any of ``tags`` stale, in every process, as part of the current
    transaction: other processes see it exactly when the transaction commits (never, if it rolls back).
    Outside a transaction it takes effect at once. Returns the new clock value."""
    return versions.bump(tags)


def purge_after_commit(tags: Iterable[str]) -> None:
    """Purge the responses built from ``tags`` as of the commit of the current transaction.

    The name predates the database-backed versions; the purge is still what every other process observes
    "after commit", because the version bump is written in the same transaction as the change (so a purge can
    no longer be lost to a crash or a cache outage between the commit and an after-commit hook)."""
    invalidate_tags(tags)
