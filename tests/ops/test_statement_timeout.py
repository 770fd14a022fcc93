"""R7: in production PostgreSQL cancels any statement after DB_STATEMENT_TIMEOUT_MS (15 s by default)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.db import connection; c = connection.cursor(); c.execute('SHOW statement_timeout'); print(c.fetchone()[0])"


def production_statement_timeout(**extra: str) -> str:
    params = connection.get_connection_params()
    env = {key: value for key, value in os.environ.items() if key != "DB_STATEMENT_TIMEOUT_MS"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 64,
        ALLOWED_HOSTS="cms.example.com",
        DATABASE_URL=f"postgres://{params.get('user')}@{params.get('host')}:{params.get('port') or 5432}/postgres",
        **extra,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SHOW],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_connections_carry_a_statement_timeout():
    assert production_statement_timeout() == "15s"
    assert production_statement_timeout(DB_STATEMENT_TIMEOUT_MS="2500") == "2500ms"
