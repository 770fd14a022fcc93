"""R4: migrations on a populated database lose no rows or revisions; every revision still loads and every stored
representation rebuilds.

A database of its own (pytest's test database is left alone): migrated to the head, loaded with the demo
content, then each app with migrations whose reversal keeps the content migrated back and forward again, the
way an upgrade runs its forward migrations over tables that already hold rows:

* ``api`` back to ``0002``: the stored public representations, their facets and search index and the cache-tag
  versions are dropped (derived data) and the post-migrate fill must rebuild every row identically;
* ``review`` back to ``0002``: the sign-off indexes go and the attestation-text column is dropped and re-added
  over populated sign-offs (the reverse loses those texts by nature; the forward migration must keep every row).

Other apps' reversals delete what the demo holds (seeded vocabularies, center contacts, the Credentialing
group), so going back through them measures the reverse migration, not an upgrade.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres

ROUND_TRIPS = {"api": "0002_create_cache_table", "review": "0002_groups_and_workflow"}
# Derived tables whose rows may legitimately differ: cache-tag versions restart after the api round trip (the
# response cache is keyed by them and is not in PostgreSQL), and the response cache table itself.
DERIVED_TABLES = {"api_cachetagversion", settings.CACHES["default"].get("LOCATION", "")}
# Tables that a migration inside a round trip creates: its reversal drops them with their rows by nature (which
# source revision each demo translation follows), so they come back empty; an upgrade never reverses them.
CREATED_INSIDE_ROUND_TRIPS = {"review_translationorigin"}


def server_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user, host, port = db.get("USER") or "postgres", db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{user}{password}@{host}:{port}/{name}"


@pytest.fixture
def database() -> Iterator[str]:
    name = f"verity_migrations_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(server_url("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(database: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": server_url(database), "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(args)}:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


def snapshot(database: str, *flags: str) -> dict:
    return json.loads(run(database, "-m", "tests.ops.populated_database", *flags).splitlines()[-1])


def test_migrating_a_populated_database_back_and_forth_loses_nothing(database):
    run(database, "manage.py", "migrate", "--noinput")
    run(database, "manage.py", "load_demo")
    before = snapshot(database)
    assert before["revisions"] > 0 and before["revision_failures"] == []
    assert before["stored"], "the demo content has public rows"
    assert before["tables"]["review_signoff"] > 0 and before["tables"]["pages_articlepage"] > 0

    for app, target in ROUND_TRIPS.items():
        run(database, "manage.py", "migrate", app, target, "--noinput")
    plan = run(database, "manage.py", "migrate", "--plan")
    assert all(f"{app}." in plan for app in ROUND_TRIPS), plan  # really went back: forward work is pending
    run(database, "manage.py", "migrate", "--noinput")
    after = snapshot(database, "--rebuild")

    assert after["revision_failures"] == []
    assert after["revisions"] == before["revisions"]
    lost = {
        table: (count, after["tables"].get(table))
        for table, count in before["tables"].items()
        if table not in DERIVED_TABLES | CREATED_INSIDE_ROUND_TRIPS and after["tables"].get(table) != count
    }
    assert lost == {}, lost
    assert after["stored"] == before["stored"]  # the post-migrate fill rebuilt every public row identically
    assert all(report["changed"] == 0 and report["removed"] == 0 for report in after["rebuilt"].values()), after
    objects = {key.rsplit(":", 1)[0] for key in before["stored"]}  # rows are per locale, rebuilds per object
    assert sum(report["built"] for report in after["rebuilt"].values()) == len(objects)
