"""The order tests are handed to xdist workers: the slowest files first, whole files per worker.

``make test`` runs ``-n auto --dist loadfile --no-loadscope-reorder``: each file goes to one worker (its module
fixtures — a loaded demo, a browser, servers on fixed ports — are set up once, never on two workers at a time),
and files are dealt in the order collected here. Dealing the files that take tens of seconds first keeps a worker
from picking one up at the very end while the other sits idle; the many short files then even out the tail.

The list is by measured duration (``--durations``, directory by directory); a file not listed keeps its place
after them. Within a file the order never changes.
"""

from __future__ import annotations

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


def slow_files_first(items: list) -> None:
    """Reorder ``items`` in place (stable: files keep their relative order, tests their order in the file)."""
    items.sort(key=lambda item: rank(item.nodeid))
