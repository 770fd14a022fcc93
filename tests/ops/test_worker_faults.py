"""R6: the worker rides out a PostgreSQL restart — it never exits on a database error and runs the next task."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.ops.worker_tasks import touch

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]


def database_url() -> str:
    params = connection.get_connection_params()
    return f"postgres://{params.get('user', 'postgres')}@{params.get('host')}:{params.get('port') or 5432}/{params['dbname']}"


def admin_connection() -> psycopg.Connection:
    params = connection.get_connection_params()
    return psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"), dbname="postgres", autocommit=True
    )


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def worker(tmp_path, database_tasks) -> Iterator[subprocess.Popen]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "false",
        "DATABASE_URL": database_url(),
        "LOG_LEVEL": "INFO",
    }
    env.pop("REDIS_URL", None)
    log = (tmp_path / "worker.log").open("w+")
    process = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log_path = tmp_path / "worker.log"  # type: ignore[attr-defined]
    yield process
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log.close()


def wait_for(path: Path, process: subprocess.Popen, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return
        assert process.poll() is None, "the worker exited:\n" + process.log_path.read_text()  # type: ignore[attr-defined]
        time.sleep(0.2)
    raise AssertionError(f"task not run within {seconds}s:\n" + process.log_path.read_text())  # type: ignore[attr-defined]


def restart_database(dbname: str, down_for: float) -> None:
    """What a PostgreSQL restart looks like to a client: every connection is cut and new ones are refused."""
    own_pid = connection.connection.info.backend_pid if connection.connection else 0
    with admin_connection() as admin:
        admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS false')
        try:
            deadline = time.monotonic() + down_for
            while time.monotonic() < deadline:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
                    [dbname, own_pid],
                )
                time.sleep(0.2)
        finally:
            admin.execute(f'ALTER DATABASE "{dbname}" ALLOW_CONNECTIONS true')


def test_worker_survives_a_database_restart_and_runs_the_next_task(worker, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    touch.enqueue(str(first))
    connection.close()  # the worker's transactions must not wait on ours
    wait_for(first, worker, 60)

    restart_database(connection.settings_dict["NAME"], down_for=4)

    touch.enqueue(str(second))
    connection.close()
    wait_for(second, worker, 60)
    assert worker.poll() is None
    assert "Database error in the worker loop" in worker.log_path.read_text()
