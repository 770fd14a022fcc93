"""manage.py ensure_database — create the configured PostgreSQL database when it does not exist yet.

`make migrate` (and so `make run`, `make demo`, `make fuzz`) runs it first, so pointing ``DATABASE_URL`` at a
database name that the server does not have yet works on the first try instead of failing with "database … does
not exist". SQLite creates its file on connect, so there is nothing to do there. Idempotent.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connections


class Command(BaseCommand):
    help = "Create the configured PostgreSQL database if it is missing (no-op on SQLite or when it exists)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--database", default="default", help="Alias in DATABASES (default: default).")

    def handle(self, *args: Any, database: str, **options: Any) -> None:
        connection = connections[database]
        if connection.vendor != "postgresql":
            return
        name = connection.settings_dict["NAME"]
        # Django's own maintenance connection (to the "postgres" database), as its test runner uses.
        with connection._nodb_cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone():
                return
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        self.stdout.write(f"Created PostgreSQL database {name!r}.")
