"""CDN adapters: how each CDN wants a purge by tag, as plain HTTP requests.

* **Cloudflare** (purge by cache tag): ``POST {base}/client/v4/zones/{zone}/purge_cache`` with
  ``Authorization: Bearer <token>`` and ``{"tags": [...]}``. Cloudflare documents a per-request cap on purge
  operations (30 tags per call historically, 100 today); batches of 30 stay inside both.
* **Fastly** (surrogate keys): ``POST {base}/service/{service}/purge`` with ``Fastly-Key: <token>`` and the keys,
  space-separated, in a ``Surrogate-Key`` request header (at most 256 keys per call).
* **http**: a signed ``POST`` to any URL, signed like our webhooks (Standard Webhooks headers, ``whsec_`` secret),
  body ``{"type": "cache.purge", "timestamp": ..., "data": {"tags": [...]}}``.

The tags are exactly those in the API responses' ``Cache-Tag`` and ``Surrogate-Key`` headers.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from api.webhooks.signing import signature_headers

USER_AGENT = "Verity-CDN-Purge/1"
BACKENDS = ("none", "cloudflare", "fastly", "http")


@dataclass(frozen=True)
class PurgeRequest:
    url: str
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class Adapter:
    batch_size: int
    build: Callable[[list[str], str], PurgeRequest]  # (tags, message id) -> request


def _setting(name: str) -> str:
    value = getattr(settings, name, "")
    if not value:
        raise ImproperlyConfigured(f"{name} must be set for CDN_PURGE_BACKEND={settings.CDN_PURGE_BACKEND}")
    return str(value)


def _cloudflare(tags: list[str], message_id: str) -> PurgeRequest:
    base = _setting("CLOUDFLARE_API_BASE_URL").rstrip("/")
    url = f"{base}/client/v4/zones/{_setting('CLOUDFLARE_ZONE_ID')}/purge_cache"
    headers = {
        "Authorization": f"Bearer {_setting('CLOUDFLARE_API_TOKEN')}",
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    return PurgeRequest(url, headers, json.dumps({"tags": tags}, separators=(",", ":")).encode())


def _fastly(tags: list[str], message_id: str) -> PurgeRequest:
    base = _setting("FASTLY_API_BASE_URL").rstrip("/")
    url = f"{base}/service/{_setting('FASTLY_SERVICE_ID')}/purge"
    headers = {
        "Fastly-Key": _setting("FASTLY_API_TOKEN"),
        "Surrogate-Key": " ".join(tags),
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
    return PurgeRequest(url, headers, b"")


def _signed_http(tags: list[str], message_id: str) -> PurgeRequest:
    body = json.dumps(
        {"type": "cache.purge", "timestamp": timezone.now().isoformat(), "data": {"tags": tags}},
        separators=(",", ":"),
    ).encode()
    headers = {
        **signature_headers(_setting("CDN_PURGE_SECRET"), message_id, int(time.time()), body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    return PurgeRequest(_setting("CDN_PURGE_URL"), headers, body)


ADAPTERS: dict[str, Adapter] = {
    "cloudflare": Adapter(batch_size=30, build=_cloudflare),
    "fastly": Adapter(batch_size=256, build=_fastly),
    "http": Adapter(batch_size=500, build=_signed_http),
}


def configured_backend() -> str:
    backend = (getattr(settings, "CDN_PURGE_BACKEND", "none") or "none").lower()
    if backend not in BACKENDS:
        raise ImproperlyConfigured(f"CDN_PURGE_BACKEND must be one of {', '.join(BACKENDS)}, got {backend!r}")
    return backend


def batches(tags: list[str], size: int) -> list[list[str]]:
    return [tags[start : start + size] for start in range(0, len(tags), size)]
