"""Rate limiting for every ``/api/`` request, cached or built, on the real client address.

* The client is ``REMOTE_ADDR`` unless ``settings.TRUSTED_PROXY_COUNT`` (N) says N proxies in front of the app
  each append the address they received the request from to ``X-Forwarded-For``: then the client is the N-th
  entry from the right. Entries further left are whatever the client sent and are never used, so a forged
  header changes nothing. IPv6 clients are counted per /64 (one subscriber's allocation).
* One fixed-window counter per client and window, counted in one round trip (Redis: a pipelined INCRBY and
  EXPIRE; the database cache: one upsert in :mod:`api.caching.counters`): O(1) time and space, whatever the
  rate. Counters are shared through ``CACHES['default']``, so every worker counts together.
* **Leases**: a process counts a busy client's requests a few at a time. When it has none left for a client's
  window it adds :func:`lease_size` to the shared counter at once and keeps the part that fits under the rate,
  spending it without further round trips. So no process ever admits a request the shared counter did not
  count first (the rate is never exceeded); a lease a process does not finish is counted anyway, so a client
  spread over P processes may be refused up to P × (lease − 1) requests early. The lease is 1 (every request
  counted) for rates under 100 per period and at most 16; held leases are bounded (``MAX_LEASES`` clients).
* The cache is an accelerator here too: when it is unavailable the fail-open backend drops the counter, and
  the request is allowed (:mod:`api.caching.backends` logs the outage).

Rate format: ``"<requests>/<period>"`` with period ``s``/``sec``/``m``/``min``/``h``/``hour``/``d``/``day``
(``settings.API_THROTTLE_RATE``, env ``API_THROTTLE_RATE``); ``"off"`` disables it.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.http import HttpRequest

CACHE_ALIAS = "default"
_KEY_PREFIX = "api:throttle:v2:"
_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
MAX_FORWARDED_FOR_LENGTH = 4096
LEASE_SHARE = 50  # a lease is at most this fraction of the rate…
MAX_LEASE = 16  # …and at most this many requests
MAX_LEASES = 10_000  # clients with a lease held in this process (the least recently used is dropped)


@dataclass(frozen=True)
class Rate:
    requests: int
    seconds: int


@lru_cache(maxsize=8)
def parse_rate(text: str) -> Rate | None:
    """``"600/min"`` → ``Rate(600, 60)``; ``"off"`` → None."""
    if text.strip().lower() in {"off", "none", ""}:
        return None
    count, _, period = text.strip().partition("/")
    seconds = _PERIODS.get(period.strip()[:1].lower())
    if not count.strip().isdigit() or seconds is None or int(count) < 1:
        raise ImproperlyConfigured(f"API_THROTTLE_RATE must look like '600/min' or 'off', got {text!r}")
    return Rate(int(count), seconds)


@lru_cache(maxsize=4096)  # bounded; a busy client's address is parsed once, not on every request
def _network_id(value: str) -> str | None:
    """The canonical form of an IP address (its /64 for IPv6); None when ``value`` is not one."""
    value = value.strip()
    if not value or len(value) > 64:
        return None
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def client_address(request: HttpRequest) -> str:
    """The address the rate limit counts: see the module docstring."""
    remote = _network_id(request.META.get("REMOTE_ADDR", "")) or "unknown"
    trusted = int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0)
    if trusted <= 0:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not header or len(header) > MAX_FORWARDED_FOR_LENGTH:
        return remote
    hops = header.rsplit(",", trusted)  # at most `trusted` splits from the right: bounded work
    if len(hops) < trusted:
        return remote  # fewer hops than trusted proxies: the header did not come through them
    return _network_id(hops[-trusted]) or remote


def count_hit(cache: Any, key: str, timeout: int, amount: int = 1) -> int | None:
    """The window's count after adding ``amount``: one round trip with Verity's backends (``count_hit``), else
    ``add`` then ``incr`` (any Django cache); None when the count is unavailable."""
    if hasattr(cache, "count_hit"):
        return cache.count_hit(key, timeout, amount)
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key, amount)
    except ValueError:  # evicted between add and incr
        return None


def lease_size(rate: Rate) -> int:
    return max(1, min(MAX_LEASE, rate.requests // LEASE_SHARE))


class Leases:
    """Requests this process may still admit per counter key without counting them again (see the docstring)."""

    def __init__(self) -> None:
        self._left: OrderedDict[str, int] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: str) -> bool:
        with self._lock:
            left = self._left.get(key, 0)
            if left <= 0:
                return False
            self._left[key] = left - 1
            self._left.move_to_end(key)
            return True

    def grant(self, key: str, requests: int) -> None:
        with self._lock:
            if requests > 0:
                self._left[key] = requests
                self._left.move_to_end(key)
                while len(self._left) > MAX_LEASES:
                    self._left.popitem(last=False)
            else:
                self._left.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._left.clear()


LEASES = Leases()


def _forget_leases(setting: str, **kwargs: Any) -> None:
    if setting in {"API_THROTTLE_RATE", "CACHES", "TRUSTED_PROXY_COUNT"}:
        LEASES.clear()


setting_changed.connect(_forget_leases, dispatch_uid="api.caching.throttling.leases")


def throttle_wait(request: HttpRequest) -> int | None:
    """Seconds until ``request``'s client may send again (>= 1) when over the rate; None when allowed."""
    rate = parse_rate(getattr(settings, "API_THROTTLE_RATE", "600/min"))
    if rate is None:
        return None
    now = time.time()
    window = int(now // rate.seconds)
    key = f"{_KEY_PREFIX}{client_address(request)}:{rate.seconds}:{window}"
    if LEASES.take(key):
        return None
    size = lease_size(rate)
    count = count_hit(caches[CACHE_ALIAS], key, rate.seconds + 1, size)
    if count is None:  # the cache is unavailable: allow
        return None
    admitted = min(size, rate.requests - (count - size))  # of the hits just counted, those under the rate
    if admitted >= 1:
        LEASES.grant(key, admitted - 1)  # this request spends one
        return None
    return max(1, math.ceil((window + 1) * rate.seconds - now))
