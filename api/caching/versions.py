"""Tag versions in the database: the one source of truth for whether a cached response is still current.

* :func:`bump` runs inside the transaction of the change: it moves the clock row forward (taking its row lock
  until commit, so invalidating transactions commit in clock order) and sets every given tag to the new clock.
* Before building a response, a request reads the committed clock (:func:`read`); the entry records it as
  ``built_at``. A publish that commits during the build has a clock value above ``built_at``, so the entry is
  stale from the moment it is stored.
* A hit is served when :func:`is_current` (one indexed query) finds none of the entry's tags moved past
  ``built_at`` and the clock not behind it (a flushed or restored table makes every older entry stale).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from .models import CLOCK_TAG, CacheTagVersion


def read(tags: Iterable[str] = ()) -> dict[str, int]:
    """Committed versions of ``tags`` and of the clock (key :data:`CLOCK_TAG`), in one query; 0 when unset."""
    wanted = {CLOCK_TAG, *tags}
    found = dict(CacheTagVersion.objects.filter(tag__in=sorted(wanted)).values_list("tag", "version"))
    return {tag: found.get(tag, 0) for tag in wanted}


def is_current(built_at: int, tags: Iterable[str]) -> bool:
    """True when nothing tagged with any of ``tags`` was invalidated since the clock read ``built_at``."""
    versions = read(tags)
    clock = versions.pop(CLOCK_TAG)
    return clock >= built_at and all(version <= built_at for version in versions.values())


def lock_clock() -> None:
    """Take the clock row's lock for the rest of the transaction (what :func:`bump` takes first anyway), so code
    that will both lock other rows and invalidate tags can take its locks in the one order: clock first."""
    if transaction.get_connection().in_atomic_block:
        list(CacheTagVersion.objects.select_for_update().filter(tag=CLOCK_TAG).values_list("pk", flat=True))


def bump(tags: Iterable[str]) -> int:
    """Invalidate ``tags`` as part of the current transaction; returns the new clock value."""
    tags = sorted(set(tags) - {CLOCK_TAG})
    if not tags:
        return read()[CLOCK_TAG]
    with transaction.atomic(savepoint=False):
        clock_row = CacheTagVersion.objects.filter(tag=CLOCK_TAG)
        if not clock_row.update(version=F("version") + 1):
            CacheTagVersion.objects.bulk_create([CacheTagVersion(tag=CLOCK_TAG, version=0)], ignore_conflicts=True)
            clock_row.update(version=F("version") + 1)
        clock = clock_row.values_list("version", flat=True).get()
        CacheTagVersion.objects.bulk_create(
            [CacheTagVersion(tag=tag, version=clock) for tag in tags],
            update_conflicts=True,
            unique_fields=["tag"],
            update_fields=["version"],
        )
    return clock
