"""The SQLite default copes with the web process and the worker writing at the same time (no "database is locked")."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 150


def test_two_processes_writing_at_once_both_finish(tmp_path):
    database = tmp_path / "shared.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE writes (writer TEXT, number INTEGER)")
    start = tmp_path / "start"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    writers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.ops.sqlite_writer", name, str(ROUNDS), str(start)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("web", "worker")
    ]
    start.touch()
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (_stdout, stderr) in zip(writers, results, strict=True):
        assert writer.returncode == 0, stderr[-2000:]
    with sqlite3.connect(database) as check:
        counts = dict(check.execute("SELECT writer, COUNT(*) FROM writes GROUP BY writer").fetchall())
        (mode,) = check.execute("PRAGMA journal_mode").fetchone()
    assert counts == {"web": ROUNDS, "worker": ROUNDS}
    assert mode == "wal"
