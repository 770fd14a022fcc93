"""Scheduled jobs run by the worker itself, so no cron is needed.

Each job has one ``ScheduledJob`` row. A worker locks that row (``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL; SQLite's immediate transactions serialise writers) to decide whether the job is due and to stamp
its start, then runs it after the lock is released. Several workers therefore never start the same job twice
in one period, and a long run does not hold a database transaction open.
"""

from __future__ import annotations

import datetime
import io
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.models import ScheduledJob

logger = logging.getLogger("verity.worker")


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[io.StringIO], None]
    every: datetime.timedelta | None = None  # due this long after the last start …
    daily: bool = False  # … or once per calendar day (TIME_ZONE), the first check of the day

    def is_due(self, last_started_at: datetime.datetime | None, now: datetime.datetime) -> bool:
        if last_started_at is None:
            return True
        if self.daily:
            return timezone.localdate(last_started_at) < timezone.localdate(now)
        assert self.every is not None
        return now - last_started_at >= self.every


def command(name: str, *args: str) -> Callable[[io.StringIO], None]:
    def run(out: io.StringIO) -> None:
        call_command(name, *args, stdout=out, stderr=out)

    return run


JOBS: tuple[Job, ...] = (
    # Publishes revisions whose go-live time has passed and unpublishes expired pages.
    Job("publish_scheduled", command("publish_scheduled"), every=datetime.timedelta(minutes=1)),
    # Records review.due / credential.expiring notices (once per occurrence) and sends their webhooks.
    Job("daily_checks", command("daily_checks"), daily=True),
)


def claim(job: Job, now: datetime.datetime) -> bool:
    """Stamp ``job`` as started now if it is due and no other worker holds it; True if this worker runs it."""
    try:
        with transaction.atomic():
            row = ScheduledJob.objects.select_for_update(skip_locked=True).filter(name=job.name).first()
            if row is None:
                if ScheduledJob.objects.filter(name=job.name).exists():
                    return False  # another worker holds the row right now
                ScheduledJob.objects.create(name=job.name, last_started_at=now)
                return True
            if not job.is_due(row.last_started_at, now):
                return False
            row.last_started_at = now
            row.save(update_fields=["last_started_at"])
            return True
    except IntegrityError:
        return False  # another worker created the row first


def run_job(job: Job) -> None:
    out = io.StringIO()
    started = time.monotonic()
    try:
        job.run(out)
    except Exception as exc:  # noqa: BLE001 - one failing job must not stop the worker or the other jobs
        logger.exception("Scheduled job %s failed", job.name)
        error = f"{type(exc).__name__}: {exc}"
    else:
        error = ""
        logger.info("Scheduled job %s finished in %.2fs", job.name, time.monotonic() - started)
        for line in out.getvalue().splitlines():
            if line.strip():
                logger.debug("%s: %s", job.name, line)
    ScheduledJob.objects.filter(name=job.name).update(last_finished_at=timezone.now(), last_error=error[:2000])


def run_due_jobs() -> list[str]:
    """Run every job that is due and not claimed by another worker; the names of those run."""
    ran = []
    for job in JOBS:
        if claim(job, timezone.now()):
            run_job(job)
            ran.append(job.name)
    return ran
