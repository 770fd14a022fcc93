"""Run by test_sqlite_concurrency in two processes at once: many small read-then-write transactions.

Reading before writing is what Django code does all the time (get, then save). In SQLite's default deferred
mode the second writer fails at once with "database is locked" when it upgrades its read lock; with the
settings' immediate transactions and busy timeout it waits its turn.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import django


def main(writer: str, rounds: int, start_file: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    from django.db import connection, transaction

    while not Path(start_file).exists():
        time.sleep(0.01)
    for _ in range(rounds):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM writes WHERE writer = %s", [writer])
            (count,) = cursor.fetchone()
            time.sleep(0.001)  # hold the read a moment, as real code does between its reads and its write
            cursor.execute("INSERT INTO writes (writer, number) VALUES (%s, %s)", [writer, count])
    print(f"{writer} done {rounds}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
