"""Load the demo content. Idempotent: running it again leaves the database as it was."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = "Load the demo content (site, seed article, clinicians, centers). Safe to run repeatedly."

    def handle(self, *args, **options):
        try:
            report = load_demo()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if report.created:
            self.stdout.write(self.style.SUCCESS(f"Demo content created: {', '.join(report.created)}."))
        self.stdout.write(f"Demo content already present (left unchanged): {len(report.kept)} item(s).")
