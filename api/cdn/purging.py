"""CDN purge state: batches of tags become :class:`CdnPurge` rows; an attempt claims one, sends it, records it.

The retry rules are the webhooks' (:mod:`api.webhooks.retry`): conditional claim, exponential backoff with
jitter, at most ``CDN_PURGE_MAX_ATTEMPTS`` attempts, stale claims released by the worker's sweep. A purge is
idempotent, so at-least-once is harmless here.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from api.webhooks import retry
from api.webhooks.targets import TargetRefused, resolve_target
from api.webhooks.transport import SendResult, post

from .backends import ADAPTERS, batches, configured_backend
from .models import CdnPurge

logger = logging.getLogger("api.cdn")
Status = CdnPurge.Status
UNKNOWN_OUTCOME = "The worker stopped during this attempt."


def create_purges(tags: list[str]) -> list[CdnPurge]:
    """One row per batch the configured CDN accepts in one call; none when no CDN is configured."""
    backend = configured_backend()
    tags = sorted(set(tags))
    if backend == "none" or not tags:
        return []
    adapter = ADAPTERS[backend]
    return [
        CdnPurge.objects.create(backend=backend, tags=batch, next_attempt_at=timezone.now())
        for batch in batches(tags, adapter.batch_size)
    ]


def attempt_purge(purge_id: int) -> CdnPurge | None:
    """Make one attempt if the purge is due and unclaimed; returns it updated (or None)."""
    now = timezone.now()
    if not retry.claim(CdnPurge, purge_id, now):
        return None
    purge = CdnPurge.objects.get(pk=purge_id)
    result = send(purge)
    _record(purge, now, result)
    return purge


def send(purge: CdnPurge) -> SendResult:
    try:
        request = ADAPTERS[purge.backend].build(list(purge.tags), purge.message_id)
        target = resolve_target(request.url, allow_private=True)  # an operator's setting, not user input
    except (KeyError, ImproperlyConfigured, TargetRefused) as error:
        return SendResult(None, f"Not configured: {error}", "", 0)
    result = post(target, request.body, request.headers, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS)
    if result.status is not None and 300 <= result.status < 400:
        return SendResult(result.status, "Redirects are not followed.", result.excerpt, result.duration_ms)
    return result


def _record(purge: CdnPurge, started_at, result: SendResult) -> None:
    purge.attempts += 1
    purge.last_response_code = result.status
    purge.last_error = result.error or ("" if result.ok else f"HTTP {result.status}: {result.excerpt[:200]}")
    purge.history = [
        *purge.history,
        {
            "number": purge.attempts,
            "started_at": started_at.isoformat(),
            "status": result.status,
            "error": purge.last_error,
            "ms": result.duration_ms,
        },
    ]
    purge.claimed_at = None
    if result.ok:
        purge.status, purge.next_attempt_at, purge.delivered_at = Status.SUCCEEDED, None, timezone.now()
    elif purge.attempts >= settings.CDN_PURGE_MAX_ATTEMPTS:
        purge.status, purge.next_attempt_at = Status.FAILED, None
        logger.error("CDN purge %s of %s gave up after %s attempts", purge.pk, purge.tags, purge.attempts)
    else:
        purge.status = Status.RETRYING
        purge.next_attempt_at = timezone.now() + retry.backoff_delay(purge.attempts)
        logger.warning("CDN purge %s failed (%s); retrying at %s", purge.pk, purge.last_error, purge.next_attempt_at)
    purge.save()


def release_stale_claims() -> list[CdnPurge]:
    released: list[CdnPurge] = []

    def lost_attempt(purge: CdnPurge) -> None:
        _record(purge, timezone.now(), SendResult(None, UNKNOWN_OUTCOME, "", 0))
        if purge.status == Status.RETRYING:
            CdnPurge.objects.filter(pk=purge.pk).update(next_attempt_at=timezone.now())
            purge.next_attempt_at = timezone.now()
            released.append(purge)

    retry.release_stale(CdnPurge, lost_attempt)
    return released
