"""Hot read queries compiled once per database connection and run with fresh parameters.

A detail read is one indexed SELECT, but building it with the ORM (cloning querysets, resolving lookups,
compiling SQL) costs several times what PostgreSQL spends answering it. The ORM still writes the query, so its
rules stay where they are (visibility in :func:`api.published.reads.visible_q`): a :class:`PreparedQuery` builds
the queryset once with placeholder values, keeps the SQL, the positions of the placeholders among the parameters
and the ORM's result converters (dates from SQLite text, JSON from PostgreSQL text), and then only swaps values.

Compiled queries are kept on the connection object (connections are per thread, and a replica is its own
connection), so they never cross threads or databases.

*Now* is the database's clock (``Now()``: ``STATEMENT_TIMESTAMP()`` on PostgreSQL), written into the SQL rather than
passed in, so every run of a query is the same statement. On PostgreSQL each one is then a server-side prepared
statement (``DB_PREPARED_STATEMENTS``, on by default): parsed and planned once per connection, then only bound
and executed. With a value for *now* among the parameters PostgreSQL would plan every run again, since its
estimates depend on that value.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.functions import Now

# A stand-in no request can produce: the slug pattern refuses it.
PLACEHOLDER_TEXT = "\x00placeholder\x00"
# A slice no request asks for: compiled into ``LIMIT … OFFSET …`` literals, which become parameters.
PLACEHOLDER_OFFSET, PLACEHOLDER_LIMIT = 987_654_321, 123_456_789
_SLICE_SQL = f" LIMIT {PLACEHOLDER_LIMIT} OFFSET {PLACEHOLDER_OFFSET}"
_CACHE_ATTRIBUTE = "_verity_prepared_queries"
# Django connects with psycopg's ``prepare_threshold`` at None, which refuses every prepared statement. Django's own
# cursors bind parameters on the client and never prepare, so a threshold only lets the cursors below prepare.
_EXPLICIT_ONLY = 2**31 - 1


@cache
def _preparing_cursor_class() -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    base: Any = ServerBindingCursor  # Django defines it only when psycopg 3 is installed, which type checkers miss

    class PreparingCursor(base):
        """Binds parameters on the server and prepares every statement it runs (once per connection)."""

        def execute(self, query: Any, params: Any = None, *, prepare: bool | None = None, binary: Any = None) -> Any:
            return super().execute(query, params, prepare=True, binary=binary)

        def _send_query_prepared(self, name: bytes, pgq: Any, *, binary: Any = None) -> None:
            self._query = pgq  # the statement Django's query log shows; psycopg records it only when not prepared
            super()._send_query_prepared(name, pgq, binary=binary)

    return PreparingCursor


def _prepares(connection: Any) -> bool:
    """Whether ``connection`` runs compiled queries as prepared statements: PostgreSQL, unless turned off, on a
    connection kept between requests (``DB_CONN_MAX_AGE`` above 0: preparing costs a round trip, which only pays
    on a connection that runs the statement again)."""
    if (
        connection.vendor != "postgresql"
        or not getattr(settings, "DB_PREPARED_STATEMENTS", True)
        or connection.settings_dict.get("CONN_MAX_AGE") == 0
    ):
        return False
    if connection.connection.prepare_threshold is None:  # connected while they were turned off
        connection.connection.prepare_threshold = _EXPLICIT_ONLY
    return True


def configure_session(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` receiver: on PostgreSQL, let the new connection prepare statements and plan each one
    once. PostgreSQL would otherwise plan a paged list for every run, since its estimate depends on the ``LIMIT``
    value; the plan is the same index walk whatever the value. Django's own queries are sent with their values and
    never prepared, so the setting reaches only the statements prepared here and those inside the PL/pgSQL
    triggers (:mod:`api.published.triggers`), which look rows up by key: the same plan either way."""
    if not _prepares(connection):
        return
    with connection.cursor() as cursor:  # autocommit: Django sends this signal before any transaction begins
        cursor.execute("SET plan_cache_mode = force_generic_plan")


class CompiledQuery:
    def __init__(self, queryset: QuerySet, alias: str) -> None:
        compiler = queryset.query.get_compiler(alias)
        self.sql, params = compiler.as_sql()
        self.params = list(params)
        self.text_slots = [i for i, value in enumerate(self.params) if value == PLACEHOLDER_TEXT]
        self.sliced = self.sql.endswith(_SLICE_SQL)
        if self.sliced:  # the query was made with [PLACEHOLDER_OFFSET : PLACEHOLDER_OFFSET + PLACEHOLDER_LIMIT]
            self.sql = self.sql[: -len(_SLICE_SQL)] + " LIMIT %s OFFSET %s"
        self.names = [alias_name or column.target.attname for column, _, alias_name in compiler.select]
        self.converters = compiler.get_converters([column for column, _, _ in compiler.select])
        self.compiler = compiler
        self.alias = alias

    def run(self, text: str = "", offset: int = 0, limit: int = 0) -> list[SimpleNamespace]:
        params = list(self.params) + ([limit, offset] if self.sliced else [])
        for position in self.text_slots:
            params[position] = text
        connection = connections[self.alias]
        with connection.cursor() as cursor:  # Django's: health check, error translation, the query log
            if _prepares(connection):
                cursor.cursor = _preparing_cursor_class()(connection.connection)
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        return [SimpleNamespace(**dict(zip(self.names, row, strict=True))) for row in rows]


class PreparedQuery:
    """``make(now, text)`` returns the queryset; it is called once per connection with ``Now()`` and a placeholder
    text, and every run replaces the placeholder with the real ``text`` (for example a slug). A queryset sliced
    ``[PLACEHOLDER_OFFSET : PLACEHOLDER_OFFSET + PLACEHOLDER_LIMIT]`` takes ``offset`` and ``limit`` too."""

    def __init__(self, name: str, make: Callable[[Any, str], QuerySet]) -> None:
        self.name = name
        self.make = make

    def compiled(self, model: Any) -> CompiledQuery:
        alias = router.db_for_read(model)
        connection = connections[alias]
        compiled = connection.__dict__.setdefault(_CACHE_ATTRIBUTE, {})
        query = compiled.get(self.name)
        if query is None:
            query = compiled[self.name] = CompiledQuery(self.make(Now(), PLACEHOLDER_TEXT), alias)
        return query
