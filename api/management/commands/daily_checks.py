"""Record today's compliance notices (``review.due``, ``credential.expiring``) and send their webhooks.

manage.py daily_checks             # the worker (run_worker) runs it once a day; by hand as well
manage.py daily_checks --dry-run   # list what would be sent
manage.py daily_checks --today 2026-12-01
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from api.events.compliance import run_daily_checks


class Command(BaseCommand):
    help = "Record review.due and credential.expiring events (once per occurrence) and send their webhooks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only list the notices that would be recorded.")
        parser.add_argument("--today", help="Check as of this date (YYYY-MM-DD) instead of today.")

    def handle(self, *args, dry_run: bool, today: str | None, **options) -> None:
        try:
            as_of = datetime.date.fromisoformat(today) if today else None
        except ValueError:
            raise CommandError(f"--today must be a date like 2026-12-01, got {today!r}") from None
        notices = run_daily_checks(as_of, dry_run=dry_run)
        for notice in notices:
            details = ", ".join(f"{key}={value}" for key, value in notice.data.items())
            self.stdout.write(f"{notice.event_type}\t{getattr(notice.obj, 'slug', notice.obj.pk)}\t{details}")
        verb = "would record" if dry_run else "recorded"
        self.stdout.write(f"{len(notices)} notice(s) {verb}.")
