"""Hot read queries compiled once per database connection and run with fresh parameters.

A detail read is one indexed SELECT, but building it with the ORM (cloning querysets, resolving lookups,
compiling SQL) costs several times what PostgreSQL spends answering it. The ORM still writes the query, so its
rules stay where they are (visibility in :func:`api.published.reads.visible_q`): a :class:`PreparedQuery` builds
the queryset once with placeholder values, keeps the SQL, the positions of the placeholders among the parameters
and the ORM's result converters (dates from SQLite text, JSON from PostgreSQL text), and then only swaps values.

Compiled queries are kept on the connection object (connections are per thread, and a replica is its own
connection), so they never cross threads or databases.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from django.db import connections, router
from django.db.models import DateTimeField, QuerySet

# Stand-ins no request can produce: a date before any content, a slug the slug pattern refuses.
PLACEHOLDER_TIME = datetime.datetime(1900, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.UTC)
PLACEHOLDER_TEXT = "\x00placeholder\x00"
# A slice no request asks for: compiled into ``LIMIT … OFFSET …`` literals, which become parameters.
PLACEHOLDER_OFFSET, PLACEHOLDER_LIMIT = 987_654_321, 123_456_789
_SLICE_SQL = f" LIMIT {PLACEHOLDER_LIMIT} OFFSET {PLACEHOLDER_OFFSET}"
_CACHE_ATTRIBUTE = "_verity_prepared_queries"


_DATE_FIELD = DateTimeField()


def _db_time(value: datetime.datetime, alias: str) -> Any:
    return _DATE_FIELD.get_db_prep_value(value, connections[alias])


class CompiledQuery:
    def __init__(self, queryset: QuerySet, alias: str) -> None:
        compiler = queryset.query.get_compiler(alias)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        placeholder_time = _db_time(PLACEHOLDER_TIME, alias)  # SQLite compares dates as text
        self.slots = {
            "now": [i for i, value in enumerate(self.params) if value == placeholder_time],
            "text": [i for i, value in enumerate(self.params) if value == PLACEHOLDER_TEXT],
        }
        self.sliced = self.sql.endswith(_SLICE_SQL)
        if self.sliced:  # the query was made with [PLACEHOLDER_OFFSET : PLACEHOLDER_OFFSET + PLACEHOLDER_LIMIT]
            self.sql = self.sql[: -len(_SLICE_SQL)] + " LIMIT %s OFFSET %s"
        self.names = [alias_name or column.target.attname for column, _, alias_name in compiler.select]
        self.converters = compiler.get_converters([column for column, _, _ in compiler.select])
        self.compiler = compiler
        self.alias = alias

    def run(self, now: datetime.datetime, text: str = "", offset: int = 0, limit: int = 0) -> list[SimpleNamespace]:
        params = list(self.params) + ([limit, offset] if self.sliced else [])
        db_now = _db_time(now, self.alias)
        for position in self.slots["now"]:
            params[position] = db_now
        for position in self.slots["text"]:
            params[position] = text
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        return [SimpleNamespace(**dict(zip(self.names, row, strict=True))) for row in rows]


class PreparedQuery:
    """``make(now, text)`` returns the queryset; it is called once per connection with placeholders, and
    every run replaces them with the real ``now`` and ``text`` (for example a slug). A queryset sliced
    ``[PLACEHOLDER_OFFSET : PLACEHOLDER_OFFSET + PLACEHOLDER_LIMIT]`` takes ``offset`` and ``limit`` too."""

    def __init__(self, name: str, make: Callable[[datetime.datetime, str], QuerySet]) -> None:
        self.name = name
        self.make = make

    def compiled(self, model: Any) -> CompiledQuery:
        alias = router.db_for_read(model)
        connection = connections[alias]
        cache = connection.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
        query = cache.get(self.name)
        if query is None:
            query = cache[self.name] = CompiledQuery(self.make(PLACEHOLDER_TIME, PLACEHOLDER_TEXT), alias)
        return query
