"""Load the demo content. Idempotent: running it again leaves the database as it was."""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo content (site, seed article, clinicians, centers). Safe to run repeatedly."

    def handle(self, *args, **options):
        self.stdout.write("Demo content: nothing to load yet.")
