"""Fixed-window counters in the database, for deployments without Redis: one statement per count.

The database cache stores pickled values, so counting there takes a read, a write and a transaction per request
(``add`` then ``incr``: eleven queries in all). :class:`~api.caching.models.RequestCounter` rows are counted
with a single ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` (PostgreSQL and SQLite alike). Expired rows are
deleted now and then by the request that opens a new window, so the table stays as small as the live windows.
"""

from __future__ import annotations

import datetime
import random

from django.db import connections, router
from django.utils import timezone

from .models import RequestCounter

PRUNE_ONE_IN = 100  # a new window prunes expired rows with this probability


def count_hit(key: str, timeout: int, amount: int = 1) -> int:
    alias = router.db_for_write(RequestCounter)
    connection = connections[alias]
    table, key_column, count_column, expires_column = (
        connection.ops.quote_name(name) for name in (RequestCounter._meta.db_table, "key", "count", "expires")
    )
    now = timezone.now()
    expires = now + datetime.timedelta(seconds=timeout)
    field = RequestCounter._meta.get_field("expires")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {count_column}, {expires_column}) VALUES (%s, %s, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET {count_column} = {table}.{count_column} + %s "
            f"RETURNING {count_column}",
            [key, amount, field.get_db_prep_value(expires, connection), amount],
        )
        (count,) = cursor.fetchone()
        if count == amount and random.random() < 1 / PRUNE_ONE_IN:  # noqa: S311 - not security sensitive
            cursor.execute(
                f"DELETE FROM {table} WHERE {expires_column} < %s", [field.get_db_prep_value(now, connection)]
            )
    return int(count)
