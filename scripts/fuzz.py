"""`make fuzz`: schemathesis over every operation of /api/v1/schema/ against a served app, bounded.

Starts gunicorn (2 workers; ``gunicorn.conf.py`` in the repository root applies when present) on 127.0.0.1 with
the base settings (DEBUG off, the configured database and cache, rate limit off so the fuzzer measures the API,
not the throttle), waits for ``/readyz``, runs schemathesis with at most ``--examples`` cases per operation and
``--max-time`` seconds in all, prints the status counts the server saw, stops the server, and exits non-zero on
any 5xx or any response that does not conform to the schema (status code, content type, body).

    python scripts/fuzz.py [--port 8765] [--examples 50] [--max-time 300]
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"
_STATUS = re.compile(r'" (\d{3}) ')


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback
            return response.status == 200
    except OSError:
        return False


def start_server(port: int, access_log: Path, error_log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("FUZZ_SETTINGS_MODULE", "cms.settings.base"),
        "API_THROTTLE_RATE": "off",
        "DEBUG": "false",
    }
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--timeout",
        "30",
        "--access-logfile",
        str(access_log),
        "--error-logfile",
        str(error_log),
    ]
    if not (ROOT / "gunicorn.conf.py").exists():
        # gunicorn's own limits must sit above the app's (api.middleware), so clients always get JSON errors.
        command += ["--limit-request-line", "8190", "--limit-request-field_size", "16380"]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not _ready(f"http://127.0.0.1:{port}/readyz"):
        if server.poll() is not None or time.monotonic() > deadline:
            stop_server(server)
            sys.stderr.write(error_log.read_text() if error_log.exists() else "")
            raise SystemExit(f"fuzz: the server on port {port} did not become ready")
        time.sleep(0.5)
    return server


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def run_schemathesis(port: int, examples: int, max_time: int, report_dir: Path) -> int:
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"http://127.0.0.1:{port}/api/v1/schema/",
        "--checks",
        CHECKS,
        "--max-examples",
        str(examples),
        "--max-time",
        str(max_time),
        "--workers",
        "2",
        "--request-timeout",
        "15",
        "--phases",
        "examples,coverage,fuzzing",
        "--suppress-health-check",
        "all",
        "--report",
        "junit",
        "--report-dir",
        str(report_dir),
    ]
    print("fuzz:", " ".join(command[1:]), flush=True)
    report_dir.mkdir(parents=True, exist_ok=True)
    return subprocess.run(command, cwd=report_dir, check=False).returncode  # its .schemathesis/ stays in the tmp dir


def status_counts(access_log: Path) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for line in access_log.read_text(errors="replace").splitlines():
        match = _STATUS.search(line)
        if match:
            counts[match.group(1)] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--examples", type=int, default=50, help="test cases per operation (default 50)")
    parser.add_argument("--max-time", type=int, default=300, help="seconds for the whole run (default 300)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="verity-fuzz-") as workdir:
        access_log, error_log = Path(workdir, "access.log"), Path(workdir, "error.log")
        server = start_server(args.port, access_log, error_log)
        try:
            code = run_schemathesis(args.port, args.examples, args.max_time, Path(workdir, "report"))
        finally:
            stop_server(server)
        counts = status_counts(access_log)
        server_errors = sum(count for status, count in counts.items() if status.startswith("5"))
        summary = ", ".join(f"{status}: {count}" for status, count in sorted(counts.items()))
        print(f"fuzz: {sum(counts.values())} requests served ({summary}); {server_errors} server errors")
        if server_errors:
            print(error_log.read_text(errors="replace")[-5000:])
    if code or server_errors:
        print("fuzz: FAILED (5xx or a response not matching the schema; see above)")
        return 1
    print("fuzz: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
