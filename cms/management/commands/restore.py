"""manage.py restore backups/verity-<time>/ --yes — replace the database and media with a backup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.backup import MEDIA_ARCHIVE, restore


class Command(BaseCommand):
    help = "Restore a directory written by `manage.py backup` into DATABASE_URL and MEDIA_ROOT (replaces both)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", help="A directory written by `manage.py backup`.")
        parser.add_argument("--yes", action="store_true", help="Confirm that current data may be replaced.")

    def handle(self, *args: Any, source: str, yes: bool, **options: Any) -> None:
        path = Path(source)
        if not (path / MEDIA_ARCHIVE).is_file():
            raise CommandError(f"{path} is not a backup directory (no {MEDIA_ARCHIVE})")
        if not yes:
            raise CommandError("restore replaces the database's contents and the media files; add --yes to go on")
        restore(path)
        self.stdout.write(f"Restored {path}")
