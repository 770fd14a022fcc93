"""Expensive test data built once per module instead of once per test, without leaking past the module.

``shared_transaction(django_db_blocker, build)`` opens a transaction, runs ``build()`` in it and yields its
result; every test of the module then runs in its own savepoint inside that transaction (pytest-django's ``db``
nests its atomic blocks), so each test still starts from exactly what ``build()`` made. At the end of the
module the transaction is rolled back, so later modules see the empty test database as before.

Use it only in modules whose tests all want the data and none is transactional (``transaction=True`` flushes
tables, which cannot happen inside an open transaction): a module fixture stays set up until the module ends,
so a later test of the same module that did not ask for it would still see the data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from django.db import transaction

from api.published.rebuild import flush_pending

T = TypeVar("T")


def shared_transaction(django_db_blocker: Any, build: Callable[[], T]) -> Iterator[T]:
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            result = build()
            # Rebuilds deferred by the build must land in the shared data, not in the first test's savepoint
            # (where they would be rolled back and lost for every later test).
            flush_pending()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield result
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
