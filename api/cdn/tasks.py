"""The worker's CDN purge tasks: one ``purge_cdn`` per batch (deferred for retries), and a periodic sweep."""

from __future__ import annotations

from django_tasks import task

from api.webhooks.retry import enqueue_attempt, enqueue_new, ensure_periodic

from . import purging
from .models import CdnPurge

Status = CdnPurge.Status


@task(queue_name="default")
def purge_cdn(purge_id: int) -> str | None:
    """Make the next attempt of one CDN purge; returns its status afterwards."""
    purge = purging.attempt_purge(purge_id)
    if purge is not None and purge.status == Status.RETRYING:
        schedule(purge)
    return purge.status if purge is not None else None


@task(queue_name="default")
def sweep_cdn_purges() -> int:
    """Release purges a dead worker left ``sending`` and queue them again."""
    ensure_periodic(sweep_cdn_purges)
    released = purging.release_stale_claims()
    for purge in released:
        schedule(purge)
    return len(released)


def schedule(purge: CdnPurge) -> None:
    enqueue_attempt(purge_cdn, purge)


def create_and_schedule(tags: list[str]) -> list[CdnPurge]:
    return enqueue_new(purge_cdn, sweep_cdn_purges, purging.create_purges(tags))
