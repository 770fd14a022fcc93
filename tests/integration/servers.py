"""Real server processes for tests: ``manage.py runserver --noreload`` against the test database.

The processes share one Redis database (DB 2, a key prefix per run) as production workers would, and read the
database this test session created, so data committed by a transactional test is what they serve.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
SERVER_PORTS = (8110, 8111)
REDIS_URL = os.environ.get("VERITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")


def database_url() -> str:
    settings = connection.settings_dict
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or "5432"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{host}:{port}/{settings['NAME']}"


def get(url: str, timeout: float = 30.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback test server
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@dataclass
class Servers:
    ports: tuple[int, ...]
    processes: list[subprocess.Popen] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)

    def read(self, path: str) -> list[tuple[int, str]]:
        return [get(f"http://127.0.0.1:{port}{path}") for port in self.ports]

    def start(self, env: dict[str, str], log_dir: Path) -> None:
        for port in self.ports:
            log = log_dir / f"server-{port}.log"
            self.logs.append(log)
            self.processes.append(
                subprocess.Popen(
                    [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                    cwd=ROOT,
                    env=env,
                    stdout=log.open("w"),
                    stderr=subprocess.STDOUT,
                )
            )
        deadline = time.monotonic() + 60
        for port, process in zip(self.ports, self.processes, strict=True):
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"server on {port} exited:\n{self.logs[self.ports.index(port)].read_text()}")
                try:
                    if get(f"http://127.0.0.1:{port}/healthz", timeout=2)[0] == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server on {port} did not start")
                time.sleep(0.3)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def server_environment(**overrides: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "DATABASE_URL": database_url(),
        "DB_CONN_MAX_AGE": "0",  # no idle connection outlives a request (the test database is dropped at the end)
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": f"verity-test-{uuid.uuid4().hex}",
        "API_THROTTLE_RATE": "off",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONUNBUFFERED": "1",
    }
    env.update(overrides)
    return env


def delete_redis_keys(url: str, prefix: str) -> None:
    """Remove what a run's servers left in the shared Redis database (their keys share ``prefix``)."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
        keys = list(client.scan_iter(f"{prefix}:*"))
        if keys:
            client.delete(*keys)
    except redis.RedisError:
        pass
