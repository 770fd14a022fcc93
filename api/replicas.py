"""Which database serves a public read: a streaming replica that has caught up, else the primary.

:mod:`cms.db_router` asks :func:`choose_database` once per replica-eligible request. A replica is chosen only when

* it answers (a stopped replica is skipped for a few seconds, and the request reads from the primary), and
* its replay lag is at most ``REPLICA_MAX_LAG_SECONDS`` (``pg_last_xact_replay_timestamp()``; zero when it
  has replayed everything it received), measured at most every ``REPLICA_STATUS_CACHE_SECONDS`` per process,
  and
* it has replayed the primary's WAL position recorded after the last content change committed
  (:func:`track_primary_write`, kept in the shared cache). A reader that has seen a cache purge therefore never
  gets the older content from a replica, and a response built on a replica is never stored as fresh when it
  lacks that change.
"""

from __future__ import annotations

import logging
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections, transaction

logger = logging.getLogger("api.replicas")

PRIMARY = "default"
MIN_LSN_KEY = "verity:replica:min-lsn"
DOWN_SECONDS = 5.0
_STATUS_SQL = """
    SELECT CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9) END,
           COALESCE(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text
"""


@dataclass
class ReplicaStatus:
    alias: str
    up: bool
    lag_seconds: float | None
    replay_lsn: int
    checked_at: float


_statuses: dict[str, ReplicaStatus] = {}


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICA_ALIASES", []))


def lsn_to_int(lsn: str) -> int:
    high, low = lsn.split("/")
    return (int(high, 16) << 32) + int(low, 16)


def replica_status(alias: str, *, fresh: bool = False) -> ReplicaStatus:
    """The lag and replay position of ``alias``, measured at most every ``REPLICA_STATUS_CACHE_SECONDS``."""
    now = time.monotonic()
    known = _statuses.get(alias)
    max_age = DOWN_SECONDS if known and not known.up else settings.REPLICA_STATUS_CACHE_SECONDS
    if known is not None and not fresh and now - known.checked_at < max_age:
        return known
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(_STATUS_SQL)
            lag, lsn = cursor.fetchone()
        status = ReplicaStatus(alias, True, float(lag), lsn_to_int(lsn), now)
    except DatabaseError as error:
        if known is None or known.up:
            logger.warning("Read replica %s is unreachable (%s); reading from the primary", alias, error)
        connections[alias].close_if_unusable_or_obsolete()
        status = ReplicaStatus(alias, False, None, 0, now)
    _statuses[alias] = status
    return status


def usable(status: ReplicaStatus, required_lsn: int) -> bool:
    return (
        status.up
        and status.lag_seconds is not None
        and status.lag_seconds <= settings.REPLICA_MAX_LAG_SECONDS
        and status.replay_lsn >= required_lsn
    )


def choose_database() -> str:
    """A replica that is up, not lagging and has replayed the last content change; else the primary."""
    aliases = replica_aliases()
    if not aliases:
        return PRIMARY
    required = int(cache.get(MIN_LSN_KEY) or 0)
    for alias in random.sample(aliases, len(aliases)):
        status = replica_status(alias)
        if status.up and status.replay_lsn < required:
            status = replica_status(alias, fresh=True)  # it may have caught up since the last measure
        if usable(status, required):
            return alias
    return PRIMARY


def track_primary_write() -> None:
    """After the current transaction commits, record the primary's WAL position for replicas to reach.

    Call it where content changes purge caches, before the purge: a reader that sees the purge also sees the
    position and reads from the primary until a replica has replayed it. Never raises.
    """
    if replica_aliases() and connections[PRIMARY].vendor == "postgresql":
        transaction.on_commit(_record_position, robust=True)


def _record_position() -> None:
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()::text")
            position = lsn_to_int(cursor.fetchone()[0])
        current = int(cache.get(MIN_LSN_KEY) or 0)
        if position > current:
            cache.set(MIN_LSN_KEY, position, timeout=None)
    except Exception:
        logger.exception("Could not record the primary's WAL position; replicas may serve an older read")


def replica_report() -> dict[str, dict]:
    """For ``/readyz``: every replica's state and lag in seconds (measured now)."""
    report = {}
    for alias in replica_aliases():
        status = replica_status(alias, fresh=True)
        if not status.up:
            state = "unreachable"
        elif status.lag_seconds is None or status.lag_seconds > settings.REPLICA_MAX_LAG_SECONDS:
            state = "lagging"
        else:
            state = "ok"
        lag = None if status.lag_seconds is None else round(status.lag_seconds, 3)
        report[alias] = {"status": state, "lag_seconds": lag}
    return report
