"""The ``default`` database from ``DATABASE_URL``, tuned per engine.

PostgreSQL: persistent, health-checked connections, a connect timeout and a ``statement_timeout`` so that one
slow query can never hold a web worker for long. SQLite (the development default): WAL journal, a busy timeout
and immediate transactions, so the web process and the worker can write at the same time without
"database is locked".
"""

from __future__ import annotations

from typing import Any

import dj_database_url

SQLITE_BUSY_TIMEOUT_SECONDS = 20


def database_from_url(url: str, *, conn_max_age: int, connect_timeout: int, statement_timeout_ms: int) -> dict:
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True))
    options = config.setdefault("OPTIONS", {})
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite gains nothing from persistent connections and tests must not share one across threads.
        config["CONN_MAX_AGE"] = 0
        # WAL lets readers and one writer work side by side; IMMEDIATE takes the write lock at BEGIN, so a
        # second writer waits (up to the timeout) instead of failing when it upgrades a read lock mid-transaction.
        options["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
        options["transaction_mode"] = "IMMEDIATE"
        options["timeout"] = SQLITE_BUSY_TIMEOUT_SECONDS
    elif config["ENGINE"] == "django.db.backends.postgresql":
        options["connect_timeout"] = connect_timeout
        set_statement_timeout(config, statement_timeout_ms)
    return config


def set_statement_timeout(config: dict, milliseconds: int) -> None:
    """PostgreSQL cancels any statement of this connection running longer than ``milliseconds`` (0: no limit)."""
    if config["ENGINE"] != "django.db.backends.postgresql":
        return
    options = config.setdefault("OPTIONS", {})
    if milliseconds > 0:
        options["options"] = f"-c statement_timeout={milliseconds}"
    else:
        options.pop("options", None)
