"""gunicorn with the shipped config: an over-long URL gets the API's JSON 414, not gunicorn's HTML page."""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PORT = 8142


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[None]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "x" * 64,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('gunicorn') / 'db.sqlite3'}",
        "PORT": str(PORT),
        "WEB_CONCURRENCY": "1",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get("/healthz")[0] == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("gunicorn did not start")
    yield
    process.terminate()
    process.wait(timeout=20)


def get(path: str, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    try:
        connection.request("GET", path, headers={"X-Forwarded-Proto": "https", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read()
    finally:
        connection.close()


def test_a_url_longer_than_the_apps_limit_gets_json_414(server):
    status, content_type, body = get("/api/v1/articles/?search=" + "a" * 5000)
    assert status == 414
    assert content_type.startswith("application/json")
    assert b'"uri_too_long"' in body


def test_large_headers_reach_the_app(server):
    status, _, body = get("/healthz", headers={"Cookie": "c=" + "b" * 9000})
    assert status == 200, body


def test_workers_are_recycled_rarely_and_never_together(monkeypatch):
    """At hundreds of requests a second per worker, 2,000 ± 200 restarted every worker at once every few seconds
    (2 s stalls); recycling is for slow leaks, so it is rare and spread over a wide jitter."""
    import runpy

    monkeypatch.delenv("GUNICORN_MAX_REQUESTS", raising=False)
    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["max_requests"] >= 50_000
    assert config["max_requests_jitter"] >= config["max_requests"] // 2
