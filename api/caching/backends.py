"""Cache backends that fail open: an unreachable cache behaves like an empty cache that keeps nothing.

Every cache user in Verity (the response store, the throttle, the visibility-change accelerator) treats the
cache as an accelerator only, so the right answer to an outage is a miss, never an error. Instead of try/except
around each call, ``settings.CACHES`` uses these subclasses:

* reads return the default (``get``), nothing (``get_many``) or ``False`` (``has_key``);
* writes are dropped; ``add`` answers ``True`` (the key was absent) and ``incr`` raises ``ValueError`` (the key
  is missing), exactly as an empty cache would;
* after a failure the backend is skipped for :data:`RETRY_SECONDS` (a circuit breaker shared by the process),
  so a dead Redis costs one connect timeout per interval, not one per call;
* failures are logged at most once per :data:`LOG_INTERVAL_SECONDS` per backend, with a count.

:meth:`FailOpenMixin.probe` bypasses the breaker and answers whether the cache works now (for ``/readyz``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import DatabaseError, connections, router, transaction
from redis.exceptions import RedisError

logger = logging.getLogger("api.caching")

RETRY_SECONDS = 5.0
LOG_INTERVAL_SECONDS = 60.0
_PROBE_KEY = "api:probe"

T = TypeVar("T")


class _Health:
    """Per-process state of one cache location (cache objects themselves are per thread)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.down_until = 0.0
        self.last_logged = float("-inf")
        self.suppressed = 0

    def failed(self, name: str, error: BaseException) -> None:
        now = time.monotonic()
        with self.lock:
            self.down_until = now + RETRY_SECONDS
            if now - self.last_logged < LOG_INTERVAL_SECONDS:
                self.suppressed += 1
                return
            suppressed, self.suppressed, self.last_logged = self.suppressed, 0, now
        logger.warning(
            "Cache %s unavailable (%s: %s); serving without it (%d more failures not logged)",
            name,
            type(error).__name__,
            error,
            suppressed,
        )

    def skipping(self) -> bool:
        return time.monotonic() < self.down_until

    def recovered(self) -> None:
        self.down_until = 0.0


_HEALTH: dict[str, _Health] = {}
_HEALTH_LOCK = threading.Lock()


def _health_for(name: str) -> _Health:
    with _HEALTH_LOCK:
        return _HEALTH.setdefault(name, _Health())


class FailOpenMixin:
    """Mix in before a Django cache backend; subclasses name the errors that mean "the cache is unavailable"."""

    unavailable_errors: tuple[type[BaseException], ...] = ()

    @property
    def _health(self) -> _Health:
        return _health_for(f"{type(self).__name__}:{self._location_name()}")

    def _location_name(self) -> str:
        return str(getattr(self, "_servers", None) or getattr(self, "_table", ""))

    def _attempt(self, operation: Callable[[], T]) -> T:
        return operation()

    def _guard(self, operation: Callable[[], T], fallback: Callable[[], T]) -> T:
        health = self._health
        if health.skipping():
            return fallback()
        try:
            return self._attempt(operation)
        except self.unavailable_errors as error:
            health.failed(self._location_name(), error)
            return fallback()

    def probe(self) -> bool:
        """Whether a write and a read succeed right now (ignores the breaker; resets it on success)."""
        try:
            self._attempt(lambda: super(FailOpenMixin, self).set(_PROBE_KEY, "ok", 10))
            ok = self._attempt(lambda: super(FailOpenMixin, self).get(_PROBE_KEY)) == "ok"
        except self.unavailable_errors as error:
            self._health.failed(self._location_name(), error)
            return False
        if ok:
            self._health.recovered()
        return ok

    # --- the cache API, each call guarded -----------------------------------------------------------
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(lambda: super(FailOpenMixin, self).add(key, value, timeout, version), lambda: True)

    def get(self, key, default=None, version=None) -> Any:
        return self._guard(lambda: super(FailOpenMixin, self).get(key, default, version), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None) -> None:
        self._guard(lambda: super(FailOpenMixin, self).set(key, value, timeout, version), lambda: None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None) -> bool:
        return self._guard(lambda: super(FailOpenMixin, self).touch(key, timeout, version), lambda: False)

    def delete(self, key, version=None) -> bool:
        return self._guard(lambda: super(FailOpenMixin, self).delete(key, version), lambda: False)

    def get_many(self, keys: Iterable, version=None) -> dict:
        keys = list(keys)
        return self._guard(lambda: super(FailOpenMixin, self).get_many(keys, version), dict)

    def has_key(self, key, version=None) -> bool:
        return self._guard(lambda: super(FailOpenMixin, self).has_key(key, version), lambda: False)

    def incr(self, key, delta=1, version=None) -> int:
        def missing() -> int:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")

        return self._guard(lambda: super(FailOpenMixin, self).incr(key, delta, version), missing)

    def set_many(self, data: dict, timeout=DEFAULT_TIMEOUT, version=None) -> list:
        return self._guard(lambda: super(FailOpenMixin, self).set_many(data, timeout, version), lambda: list(data))

    def delete_many(self, keys: Iterable, version=None) -> None:
        keys = list(keys)
        self._guard(lambda: super(FailOpenMixin, self).delete_many(keys, version), lambda: None)

    def clear(self) -> None:
        self._guard(lambda: super(FailOpenMixin, self).clear(), lambda: None)

    def count_hit(self, key: str, timeout: int, amount: int = 1) -> int | None:
        """Add ``amount`` to the counter ``key`` (created at 0, living ``timeout`` seconds) in one round trip
        and return the new count; None when the cache is unavailable (the caller then allows the request)."""
        return self._guard(lambda: self._count_hit(key, timeout, amount), lambda: None)

    def _count_hit(self, key: str, timeout: int, amount: int) -> int:
        raise NotImplementedError


class FailOpenRedisCache(FailOpenMixin, RedisCache):
    """``RedisCache`` for ``REDIS_URL``; connection, timeout and protocol errors count as unavailable."""

    unavailable_errors = (RedisError, OSError)

    def _count_hit(self, key: str, timeout: int, amount: int) -> int:
        """INCRBY and an EXPIRE that only sets a first expiry, pipelined: one round trip."""
        full_key = self.make_and_validate_key(key)
        client = self._cache.get_client(full_key, write=True)
        with client.pipeline(transaction=True) as pipe:
            pipe.incr(full_key, amount)
            pipe.expire(full_key, timeout, nx=True)
            count, _ = pipe.execute()
        return int(count)


class FailOpenDatabaseCache(FailOpenMixin, DatabaseCache):
    """``DatabaseCache`` (the default without Redis). A failure inside a transaction must not abort it, so
    calls made within one run in a savepoint."""

    unavailable_errors = (DatabaseError,)

    def _count_hit(self, key: str, timeout: int, amount: int) -> int:
        """One upsert on the counter table (the pickled values of the cache table cannot be added to in SQL)."""
        from .counters import count_hit

        return count_hit(self.make_and_validate_key(key), timeout, amount)

    def _attempt(self, operation: Callable[[], T]) -> T:
        alias = router.db_for_write(self.cache_model_class)
        if not connections[alias].in_atomic_block:
            return operation()
        with transaction.atomic(using=alias):
            return operation()
