"""manage.py backup [--output backups/] — the database (pg_dump -Fc) and MEDIA_ROOT into a new directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cms.backup import backup


class Command(BaseCommand):
    help = "Back up the database (PostgreSQL custom-format dump) and the uploaded media into a new directory."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", default="backups", help="Directory that receives verity-<UTC time>/.")

    def handle(self, *args: Any, output: str, **options: Any) -> None:
        target = backup(Path(output))
        self.stdout.write(str(target))
