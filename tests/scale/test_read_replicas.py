"""Read replicas against a real streaming replica: public reads use it once it has replayed a publish; a lagging
or stopped replica is skipped and reads fall back to the primary with no error; /readyz reports the lag.

Everything runs out of process: a primary and a replica made with initdb and ``pg_basebackup -R`` on ports
55432/55433 (a copy of the test database), the app under gunicorn on 8161, publishes through ``manage.py shell``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request

import pytest
from django.db import connection

from api.published.models import StoredRepresentation
from providers.models import Provider

from .pgcluster import Clusters, bindir, make_root
from .served import ROOT, serve, stop

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]  # the test database is the source of the copy
PRIMARY_PORT, REPLICA_PORT, APP_PORT = 55432, 55433, 8161


@pytest.fixture(scope="module")
def clusters(django_db_setup, django_db_blocker):
    binaries = bindir()
    if binaries is None:
        pytest.skip("needs PostgreSQL server binaries (initdb, pg_basebackup, pg_ctl) from `pg_config --bindir`")
    clusters = Clusters(binaries, make_root(), PRIMARY_PORT, REPLICA_PORT)
    try:
        with django_db_blocker.unblock():
            source = dict(connection.settings_dict)
        clusters.start_primary(copy_of=source)
        clusters.start_replica()
        yield clusters
    finally:
        clusters.teardown()


@pytest.fixture(scope="module")
def app(clusters):
    env = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PRIMARY_PORT}/verity",
        "DATABASE_REPLICA_URLS": f"postgres://postgres@127.0.0.1:{REPLICA_PORT}/verity",
        "REPLICA_MAX_LAG_SECONDS": "2",
        "REPLICA_STATUS_CACHE_SECONDS": "1",
        "DB_CONN_MAX_AGE": "0",  # a backend flushes its table statistics when its connection closes
    }
    process = serve(APP_PORT, env)
    yield env
    stop(process)


def publish_provider(env: dict[str, str], name: str) -> str:
    code = (
        "from tests.factories.providers import ProviderFactory\n"
        f"p = ProviderFactory(live=False, name={name!r}); p.save_revision().publish(); print(p.slug)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout.strip().splitlines()[-1]


def get(path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{APP_PORT}{path}", timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def provider_reads(clusters: Clusters, port: int) -> int:
    """How often the stored representations (what public reads select) were read on the server at ``port``
    (each server counts its own reads)."""
    table = StoredRepresentation._meta.db_table
    query = f"SELECT COALESCE(seq_scan, 0) + COALESCE(idx_scan, 0) FROM pg_stat_user_tables WHERE relname = '{table}'"
    return int(clusters.sql(port, query).strip() or 0)


def wait_until(predicate, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def replica_has(clusters: Clusters, slug: str) -> bool:
    table = Provider._meta.db_table
    return clusters.sql(REPLICA_PORT, f"SELECT count(*) FROM {table} WHERE slug = '{slug}'").strip() == "1"


def test_a_publish_is_served_from_the_replica_once_replayed(clusters, app):
    slug = publish_provider(app, "Replica Reader")
    assert wait_until(lambda: replica_has(clusters, slug)), "the replica never replayed the publish"
    time.sleep(0.3)  # let the stats settle
    on_replica, on_primary = provider_reads(clusters, REPLICA_PORT), provider_reads(clusters, PRIMARY_PORT)

    assert wait_until(lambda: get(f"/api/v1/providers/{slug}/")[0] == 200, 5)

    assert wait_until(lambda: provider_reads(clusters, REPLICA_PORT) > on_replica, 5)
    assert provider_reads(clusters, PRIMARY_PORT) == on_primary


def test_a_replica_that_has_not_replayed_a_publish_is_skipped_and_its_lag_reported(clusters, app):
    clusters.sql(REPLICA_PORT, "SELECT pg_wal_replay_pause()")
    try:
        slug = publish_provider(app, "Paused Replay")
        assert not replica_has(clusters, slug)

        status, body = get(f"/api/v1/providers/{slug}/")  # the primary serves it: no 404 from a stale replica
        assert status == 200 and body["slug"] == slug

        time.sleep(2.5)  # beyond REPLICA_MAX_LAG_SECONDS
        status, ready = get("/readyz")
        assert status == 200
        assert ready["replicas"]["replica_0"]["status"] == "lagging"
        assert ready["replicas"]["replica_0"]["lag_seconds"] > 2
    finally:
        clusters.sql(REPLICA_PORT, "SELECT pg_wal_replay_resume()")
    assert wait_until(lambda: get("/readyz")[1]["replicas"]["replica_0"]["status"] == "ok")


def test_with_the_replica_stopped_reads_fall_back_to_the_primary(clusters, app):
    clusters.stop(clusters.replica_dir)
    slug = publish_provider(app, "Replica Down")

    for path in ("/api/v1/providers/", f"/api/v1/providers/{slug}/", "/api/v1/articles/"):
        status, _ = get(path)
        assert status == 200, path
    status, ready = get("/readyz")
    assert status == 200 and ready["status"] == "ok"
    assert ready["replicas"]["replica_0"] == {"status": "unreachable", "lag_seconds": None}
