"""Backup and restore of everything Verity keeps: the database and the uploaded media.

A backup is one directory holding ``database.dump`` (PostgreSQL custom format, ``pg_dump -Fc``; for the SQLite
development default an SQLite copy, ``database.sqlite3``) and ``media.tar.gz`` (every file under MEDIA_ROOT).
``pg_dump``/``pg_restore`` are taken from PATH, else from ``pg_config --bindir``.
"""

from __future__ import annotations

import datetime
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

POSTGRES_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_ARCHIVE = "media.tar.gz"


def postgres_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout.strip()
        candidate = Path(bindir) / name
        if candidate.exists():
            return str(candidate)
    raise ImproperlyConfigured(f"{name} not found on PATH or in `pg_config --bindir`; install the PostgreSQL client")


def postgres_environment(database: dict) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for the PostgreSQL tools; the password travels in the environment, not argv."""
    args = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        args += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        args += ["--port", str(database["PORT"])]
    if database.get("USER"):
        args += ["--username", database["USER"]]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    return args, env


def backup(output_dir: Path, database: dict | None = None, media_root: Path | None = None) -> Path:
    """Write a new backup directory under ``output_dir`` and return it."""
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(output_dir) / f"verity-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    if database["ENGINE"] == "django.db.backends.postgresql":
        args, env = postgres_environment(database)
        dump = target / POSTGRES_DUMP
        subprocess.run(
            [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(dump), *args], env=env, check=True
        )
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        with sqlite3.connect(database["NAME"]) as source, sqlite3.connect(target / SQLITE_COPY) as copy:
            source.backup(copy)
    else:
        raise ImproperlyConfigured(f"backup does not know the database engine {database['ENGINE']}")
    with tarfile.open(target / MEDIA_ARCHIVE, "w:gz") as archive:
        if media_root.is_dir():
            archive.add(media_root, arcname=".")
    return target


def restore(source: Path, database: dict | None = None, media_root: Path | None = None) -> None:
    """Replace the database's contents and MEDIA_ROOT's files with the backup in ``source``."""
    database = database or settings.DATABASES["default"]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    source = Path(source)
    if database["ENGINE"] == "django.db.backends.postgresql":
        args, env = postgres_environment(database)
        subprocess.run(
            [
                postgres_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(source / POSTGRES_DUMP),
            ],
            env=env,
            check=True,
        )
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        with sqlite3.connect(source / SQLITE_COPY) as copy, sqlite3.connect(database["NAME"]) as target:
            copy.backup(target)
    else:
        raise ImproperlyConfigured(f"restore does not know the database engine {database['ENGINE']}")
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / MEDIA_ARCHIVE, "r:gz") as archive:
        archive.extractall(media_root, filter="data")  # "data" refuses absolute paths, links out and devices
