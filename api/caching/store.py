"""The shared store of built API responses, invalidated by cache tag.

Entries live in ``CACHES['default']`` (Redis, or the database cache table; never a per-process cache, which a
publish in another process could not invalidate). Invalidation uses *generations* instead of a tag → keys
index, so it is one write per tag and never races with readers adding keys:

* a global counter ``gen:__clock__`` is incremented by every invalidation; each invalidated tag's generation
  ``gen:<tag>`` is set to the new counter value;
* a request reads the counter *before* building its response and stores it in the entry as ``built_at``;
* an entry is fresh while every one of its tags has a generation ``<= built_at``.

A publish that commits while a response is being built therefore always marks that response stale: its tags'
generations move past the ``built_at`` read before the build started. Entries also expire after
``API_RESPONSE_CACHE_SECONDS`` (default one day) as a bound on anything unforeseen.

Time also changes what is public without any publish: a live article disappears when its ``expire_at`` passes
(before ``publish_scheduled`` runs) and appears when its ``go_live_at`` does. Every entry that contains article
data is therefore also bounded by :func:`next_visibility_change` — the earliest future ``expire_at`` or
``go_live_at`` of any live article — kept in the shared cache, recomputed (one query) only after an article
event or eviction, and validated by the ``articles`` generation like any entry.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone

logger = logging.getLogger("api.caching")

CACHE_ALIAS = "default"
_ENTRY_PREFIX = "api:resp:v1:"
_GENERATION_PREFIX = "api:gen:"
_CLOCK_KEY = _GENERATION_PREFIX + "__clock__"
DEFAULT_ENTRY_SECONDS = 24 * 60 * 60
_VISIBILITY_KEY = "api:visibility-change:v1"
ARTICLE_LIST_TAG = "articles"


@dataclass
class CachedResponse:
    """What is needed to replay a built response without touching views, ORM or database."""

    status: int
    content: bytes
    headers: dict[str, str]
    tags: list[str]
    etag: str
    last_modified: float  # POSIX timestamp
    built_at: int  # value of the generation clock read before the response was built
    extra: dict = field(default_factory=dict)  # "valid_until": POSIX time after which it is stale

    @property
    def valid_until(self) -> float | None:
        return self.extra.get("valid_until")


def _cache():
    return caches[CACHE_ALIAS]


def entry_key(variant: str) -> str:
    return _ENTRY_PREFIX + hashlib.sha256(variant.encode()).hexdigest()


def current_clock() -> int:
    return int(_cache().get(_CLOCK_KEY) or 0)


def lookup(key: str) -> CachedResponse | None:
    """The entry under ``key`` if it exists and none of its tags was invalidated after it was built."""
    cache = _cache()
    entry = cache.get(key)
    if not isinstance(entry, CachedResponse):
        return None
    if entry.valid_until is not None and time.time() >= entry.valid_until:
        return None
    if entry.tags:
        generations = cache.get_many([_GENERATION_PREFIX + tag for tag in entry.tags])
        if any(int(generation) > entry.built_at for generation in generations.values()):
            return None
    return entry


def store(key: str, entry: CachedResponse) -> None:
    seconds = getattr(settings, "API_RESPONSE_CACHE_SECONDS", DEFAULT_ENTRY_SECONDS)
    if entry.valid_until is not None:
        seconds = max(1, min(seconds, int(entry.valid_until - time.time())))
    _cache().set(key, entry, timeout=seconds)


def contains_articles(tags: Iterable[str]) -> bool:
    return any(tag == ARTICLE_LIST_TAG or tag.startswith("article-") for tag in tags)


def next_visibility_change() -> float | None:
    """POSIX time of the next moment an article becomes public or stops being public by the clock alone."""
    cache = _cache()
    values = cache.get_many([_VISIBILITY_KEY, _GENERATION_PREFIX + ARTICLE_LIST_TAG])
    known = values.get(_VISIBILITY_KEY)
    generation = int(values.get(_GENERATION_PREFIX + ARTICLE_LIST_TAG) or 0)
    if known is not None and known[0] >= generation and (known[1] is None or known[1] > time.time()):
        return known[1]
    built_at = current_clock()
    change = _scheduled_visibility_change()
    cache.set(_VISIBILITY_KEY, (built_at, change), timeout=None)
    return change


def _scheduled_visibility_change() -> float | None:
    from pages.models import ArticlePage

    now = timezone.now()
    bounds = ArticlePage.objects.filter(live=True).aggregate(
        expires=Min("expire_at", filter=Q(expire_at__gt=now)),
        goes_live=Min("go_live_at", filter=Q(go_live_at__gt=now)),
    )
    moments = [moment.timestamp() for moment in bounds.values() if moment is not None]
    return min(moments) if moments else None


def invalidate_tags(tags: Iterable[str]) -> int:
    """Make every stored response built from any of ``tags`` stale, in every process. Returns the new clock."""
    tags = sorted(set(tags))
    if not tags:
        return current_clock()
    cache = _cache()
    cache.add(_CLOCK_KEY, 0, timeout=None)
    try:
        clock = cache.incr(_CLOCK_KEY)
    except ValueError:  # evicted between add and incr
        cache.add(_CLOCK_KEY, 0, timeout=None)
        clock = cache.incr(_CLOCK_KEY)
    # Generations never expire: losing one would resurrect stale entries.
    cache.set_many({_GENERATION_PREFIX + tag: clock for tag in tags}, timeout=None)
    return clock


def purge_after_commit(tags: Iterable[str]) -> None:
    """Invalidate ``tags`` once the current transaction commits (at once outside one). Never raises."""
    transaction.on_commit(partial(_purge, sorted(set(tags))), robust=True)


def _purge(tags: list[str]) -> None:
    try:
        invalidate_tags(tags)
    except Exception:
        logger.exception("Cache purge failed for %s", tags)
