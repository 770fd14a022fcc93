"""Throwaway PostgreSQL clusters for tests: a primary and a streaming replica (initdb, pg_basebackup -R).

The binaries come from ``pg_config --bindir``. When the tests run as root the clusters run as the ``postgres``
system user (PostgreSQL refuses to run as root).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


def bindir() -> Path | None:
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        return None
    path = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, check=True).stdout.strip())
    needed = ("initdb", "pg_ctl", "pg_basebackup", "pg_dump", "pg_restore", "createdb", "psql")
    return path if all((path / name).exists() for name in needed) else None


def _as_postgres() -> list[str]:
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # KeyError when there is no postgres user
    return ["runuser", "-u", "postgres", "--"]


@dataclass
class Clusters:
    bin: Path
    root: Path
    primary_port: int
    replica_port: int
    prefix: list[str] = field(default_factory=_as_postgres)

    def run(self, name: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
        command = [*self.prefix, str(self.bin / name), *args]
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=180, **kwargs)

    def sql(self, port: int, query: str, database: str = "verity") -> str:
        return self.run(
            "psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-d", database, "-Atc", query
        ).stdout

    @property
    def primary_dir(self) -> Path:
        return self.root / "primary"

    @property
    def replica_dir(self) -> Path:
        return self.root / "replica"

    def start_primary(self, copy_of: dict) -> None:
        """A fresh primary holding a copy of the database described by ``copy_of`` (a Django settings dict)."""
        self.run("initdb", "-D", str(self.primary_dir), "-U", "postgres", "-A", "trust", "--no-sync")
        with open(self.primary_dir / "postgresql.conf", "a") as conf:
            conf.write(
                f"port = {self.primary_port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.root}'\nwal_level = replica\nmax_wal_senders = 4\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\nshared_buffers = 32MB\n"
            )
        self._start(self.primary_dir)
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres", "verity")
        dump = self.root / "copy.dump"
        source = ["-h", copy_of["HOST"] or "127.0.0.1", "-p", str(copy_of["PORT"] or 5432), "-U", copy_of["USER"]]
        self.run("pg_dump", *source, "-Fc", "-f", str(dump), copy_of["NAME"])
        self.run("pg_restore", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres", "--no-owner",
                 "-d", "verity", str(dump))  # fmt: skip

    def start_replica(self) -> None:
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", str(self.primary_port), "-U", "postgres",
                 "-D", str(self.replica_dir), "-R", "-X", "stream", "--no-sync")  # fmt: skip
        with open(self.replica_dir / "postgresql.auto.conf", "a") as conf:
            conf.write(f"port = {self.replica_port}\nhot_standby = on\n")
        self._start(self.replica_dir)

    def _start(self, data: Path) -> None:
        self.run("pg_ctl", "-D", str(data), "-l", str(data / "server.log"), "-w", "-t", "60", "start")

    def stop(self, data: Path) -> None:
        if (data / "postmaster.pid").exists():
            self.run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop")

    def teardown(self) -> None:
        for data in (self.replica_dir, self.primary_dir):
            with contextlib.suppress(subprocess.CalledProcessError):
                self.stop(data)
        shutil.rmtree(self.root, ignore_errors=True)


def make_root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="verity-pg-"))
    if os.geteuid() == 0:
        entry = pwd.getpwnam("postgres")
        os.chown(root, entry.pw_uid, entry.pw_gid)
    return root
