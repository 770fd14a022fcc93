"""The order tests are handed to xdist workers: within pytest-django's groups, the slowest files first.

pytest-django orders the run as Django does (its own ``tryfirst`` hook): tests in a transaction first, then
transactional tests, then tests without a database. That order is load-bearing: a transactional test ends by
flushing every table, and only the next *transactional* test restores the migrations' data (serialized
rollback), so a plain ``db`` test must never run after one on the same worker. ``make test`` therefore keeps
xdist's default ``--dist load``, which hands each worker its tests in collection order (``loadfile`` and
``worksteal`` do not: a worker would run one file's transactional tests before another file's ``db`` tests).

Within each group, the files that take tens of seconds are dealt first, so no worker picks one up at the very
end while the other sits idle; the many short files even out the tail. The list is by measured duration
(``--durations``, directory by directory); a file not listed keeps its place after them, and within a file the
order never changes.
"""

from __future__ import annotations

from pytest_django.fixtures import validate_django_db

SLOW_FIRST = (
    "tests/scale/test_read_replicas.py",  # a real streaming replica (initdb, base backup) and gunicorn
    "tests/browser/",  # headless Chromium against the live server, transactional
    "tests/integration/test_cache_visibility_matrix.py",  # the visibility scenario four ways, two servers
    "tests/ops/test_backup_restore.py",
    "tests/ops/test_worker_faults.py",
    "tests/ops/test_gunicorn.py",
    "tests/ops/test_admin_requests.py",
    "tests/scale/",
    "tests/integration/test_webhook_delivery.py",  # fifteen transactional tests
    "tests/integration/test_webhook_recovery.py",
    "tests/api/test_query_counts.py",
    "tests/demo/",
    "tests/ops/",
    "tests/review/test_concurrency.py",
    "tests/test_database_faults.py",
)


def rank(nodeid: str) -> int:
    for position, prefix in enumerate(SLOW_FIRST):
        if nodeid.startswith(prefix):
            return position
    return len(SLOW_FIRST)


def django_group(item) -> int:
    """pytest-django's group: 0 in a transaction, 1 transactional, 2 no database (as its hook sorts them)."""
    from django.test import TestCase, TransactionTestCase

    test_class = getattr(item, "cls", None)
    if test_class is not None and issubclass(test_class, TransactionTestCase):  # Django's own test classes
        return 0 if issubclass(test_class, TestCase) else 1
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    transactional = marker is not None and any(validate_django_db(marker)[:2])  # transaction, reset_sequences
    if transactional or {"transactional_db", "live_server"} & fixtures:
        return 1
    return 0 if marker is not None or "db" in fixtures else 2


def slow_files_first(items: list) -> None:
    """Reorder ``items`` in place: pytest-django's groups stay in order; within one, slow files first (stable)."""
    items.sort(key=lambda item: (django_group(item), rank(item.nodeid)))
