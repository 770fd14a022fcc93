"""The retry machinery shared by every outbound send the worker makes (webhooks, CDN purges).

A *send* is a row with ``status``, ``attempts``, ``next_attempt_at`` and ``claimed_at``:

* an attempt first *claims* its row with one conditional UPDATE (due and not claimed), so two workers never
  make the same attempt;
* a failed attempt waits :func:`backoff_delay` (exponential with jitter, capped) before the next one, up to a
  bounded number of attempts;
* a claim older than :func:`stale_claim_seconds` belongs to a worker that died mid-attempt (killed, OOM,
  machine lost). The worker's periodic sweep (:func:`ensure_periodic` keeps one queued) puts such rows back
  into ``retrying``, so nothing stays ``sending`` for longer than the stale bound plus one sweep interval.

Because a worker can die after the receiver got the request but before the outcome was saved, every send is
delivered **at least once**; a re-send carries the same message id so receivers can de-duplicate.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

BACKOFF_BASE_SECONDS = 30
BACKOFF_FACTOR = 4
BACKOFF_CAP_SECONDS = 6 * 60 * 60
STALE_CLAIM_MARGIN_SECONDS = 30
DEFAULT_SWEEP_SECONDS = 60


class SendStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    RETRYING = "retrying", "Waiting to retry"
    SUCCEEDED = "succeeded", "Delivered"
    FAILED = "failed", "Failed"
    CANCELLED = "cancelled", "Cancelled (endpoint disabled)"


WAITING = [SendStatus.PENDING, SendStatus.RETRYING]


def new_message_id() -> str:
    return f"msg_{uuid.uuid4().hex}"


class RetriedSend(models.Model):
    """The bookkeeping of a retried send, shared by webhook deliveries and CDN purges (abstract: no table).

    ``message_id`` is the same on every attempt, so receivers can de-duplicate an at-least-once re-send.
    """

    Status = SendStatus

    message_id = models.CharField(max_length=64, unique=True, default=new_message_id, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_response_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


Send = TypeVar("Send", bound=RetriedSend)


def backoff_delay(attempt: int, rng: random.Random | None = None) -> timedelta:
    """Delay before attempt ``attempt + 1``: 30 s, 2 min, 8 min, 32 min … (capped), with "equal jitter"."""
    ceiling = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * BACKOFF_FACTOR ** max(attempt - 1, 0))
    uniform = rng.uniform if rng is not None else random.uniform
    return timedelta(seconds=ceiling / 2 + uniform(0, ceiling / 2))


def stale_claim_seconds() -> float:
    """How old a claim must be before it counts as abandoned: twice the send timeout plus a margin."""
    configured = getattr(settings, "WEBHOOKS_STALE_CLAIM_SECONDS", None)
    if configured:
        return float(configured)
    return 2 * settings.WEBHOOKS_TIMEOUT_SECONDS + STALE_CLAIM_MARGIN_SECONDS


def sweep_seconds() -> float:
    return float(getattr(settings, "WEBHOOKS_SWEEP_SECONDS", DEFAULT_SWEEP_SECONDS))


def due(now: datetime) -> Q:
    """Rows waiting for an attempt whose time has come."""
    return Q(status__in=WAITING) & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def stale(now: datetime) -> Q:
    """Rows claimed by a worker that has not finished within the stale bound (it died mid-attempt)."""
    return Q(status=SendStatus.SENDING, claimed_at__lt=now - timedelta(seconds=stale_claim_seconds()))


def claim(model: type[RetriedSend], pk: int, now: datetime) -> bool:
    """Claim row ``pk`` for one attempt if it is due; False when it is not due or another worker has it."""
    return bool(
        model._default_manager.filter(pk=pk)
        .filter(due(now))
        .update(status=SendStatus.SENDING, claimed_at=now, updated_at=now)
    )


def release_stale(model: type[Send], on_released: Callable[[Send], None]) -> int:
    """Put every abandoned claim of ``model`` back to ``retrying`` (one UPDATE per row, conditional on the claim
    it saw, so a worker that finishes meanwhile wins) and call ``on_released`` for each. Returns the count."""
    now = timezone.now()
    released = 0
    for row in model._default_manager.filter(stale(now)).order_by("pk")[:500]:
        moved = model._default_manager.filter(pk=row.pk, status=SendStatus.SENDING, claimed_at=row.claimed_at).update(
            status=SendStatus.RETRYING, claimed_at=None, next_attempt_at=now, updated_at=now
        )
        if moved:
            row.refresh_from_db()
            on_released(row)
            released += 1
    return released


def enqueue_attempt(task: Any, row: RetriedSend) -> None:
    """Put the next attempt of ``row`` on the task queue: now, or deferred to its ``next_attempt_at``.

    A backend that cannot defer gets nothing for a later attempt: the periodic sweep (or ``manage.py webhooks
    retry``) makes it when it is due.
    """
    run_after = row.next_attempt_at
    if run_after and run_after > timezone.now():
        if not task.get_backend().supports_defer:
            return
        task = task.using(run_after=run_after)
    task.enqueue(row.pk)


def enqueue_new(task: Any, sweep_task: Any, rows: list[Send]) -> list[Send]:
    """Queue the first attempt of each new send (``task``) and keep the periodic ``sweep_task`` queued."""
    for row in rows:
        enqueue_attempt(task, row)
    if rows:
        ensure_periodic(sweep_task)
    return rows


def ensure_periodic(task) -> None:
    """Keep exactly one future run of ``task`` queued on the database queue (a self-renewing periodic task).

    The task calls this first thing, so a worker killed during the task leaves the next run queued. Backends
    that cannot defer (the immediate backend in tests) get nothing: there is no worker to sweep.
    """
    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return
    if DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY).exists():
        return
    task.using(run_after=timezone.now() + timedelta(seconds=sweep_seconds())).enqueue()
