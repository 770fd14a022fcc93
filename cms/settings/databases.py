"""Read replicas: ``DATABASE_REPLICA_URLS`` adds one alias per streaming replica (see cms/db_router.py)."""

from __future__ import annotations

from typing import Any

import dj_database_url

from .env import env_int, env_list

__all__ = ["DATABASE_ROUTERS", "REPLICA_MAX_LAG_SECONDS", "REPLICA_STATUS_CACHE_SECONDS"]


def replica_databases(primary: dict) -> dict[str, dict]:
    """``replica_0``, ``replica_1`` … from ``DATABASE_REPLICA_URLS`` (comma-separated), shaped like the primary.

    In tests a replica mirrors the primary (``TEST.MIRROR``), so the test runner creates no database for it.
    """
    replicas: dict[str, dict] = {}
    for number, url in enumerate(env_list("DATABASE_REPLICA_URLS")):
        config: dict[str, Any] = dict(
            dj_database_url.parse(url, conn_max_age=primary.get("CONN_MAX_AGE", 0), conn_health_checks=True)
        )
        config.setdefault("OPTIONS", {})["connect_timeout"] = env_int("DB_REPLICA_CONNECT_TIMEOUT", 2)
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica_{number}"] = config
    return replicas


# A replica further behind the primary than this is skipped (reads go to the primary instead).
REPLICA_MAX_LAG_SECONDS = env_int("REPLICA_MAX_LAG_SECONDS", 5)
# Each process re-measures a replica's lag at most this often.
REPLICA_STATUS_CACHE_SECONDS = env_int("REPLICA_STATUS_CACHE_SECONDS", 1)
DATABASE_ROUTERS = ["cms.db_router.ReplicaRouter"]
