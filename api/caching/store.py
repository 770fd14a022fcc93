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
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches

CACHE_ALIAS = "default"
_ENTRY_PREFIX = "api:resp:v1:"
_GENERATION_PREFIX = "api:gen:"
_CLOCK_KEY = _GENERATION_PREFIX + "__clock__"
DEFAULT_ENTRY_SECONDS = 24 * 60 * 60


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
    extra: dict = field(default_factory=dict)


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
    if entry.tags:
        generations = cache.get_many([_GENERATION_PREFIX + tag for tag in entry.tags])
        if any(int(generation) > entry.built_at for generation in generations.values()):
            return None
    return entry


def store(key: str, entry: CachedResponse) -> None:
    seconds = getattr(settings, "API_RESPONSE_CACHE_SECONDS", DEFAULT_ENTRY_SECONDS)
    _cache().set(key, entry, timeout=seconds)


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
