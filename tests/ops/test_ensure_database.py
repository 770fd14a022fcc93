"""`make migrate` creates the configured PostgreSQL database when the server does not have it yet (a new
machine, CI's fresh DATABASE_URL), instead of failing with "database … does not exist"."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres


def _server_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user = db.get("USER") or "postgres"
    return f"postgres://{user}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


def _exists(name: str) -> bool:
    with psycopg.connect(_server_url("postgres"), autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def _ensure(name: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DATABASE_URL": _server_url(name), "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    command = [sys.executable, "manage.py", "ensure_database"]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=True)


def test_creates_a_missing_database_once_then_does_nothing():
    name = f"verity_ensure_{uuid.uuid4().hex[:10]}"
    assert not _exists(name)
    try:
        first = _ensure(name)
        assert _exists(name)
        assert f"Created PostgreSQL database '{name}'" in first.stdout
        second = _ensure(name)
        assert "Created" not in second.stdout
    finally:
        with psycopg.connect(_server_url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
