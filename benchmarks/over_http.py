"""`make bench BENCH_ARGS=--http`: the same contenders over real HTTP, gunicorn (2 workers) driven by wrk.

Each URL gets ``wrk -t2 -c<connections> -d<seconds>s`` in turn, after a short warm-up; throughput is compared to
the floor (one primary-key SELECT of stored JSON behind the same stack), measured first and again last (the
better run counts). Bounded: a few seconds per URL.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .ratios import of_floor

ROOT = Path(__file__).resolve().parents[1]
PORT = 8164
_RATE = re.compile(r"Requests/sec:\s+([0-9.]+)")
_LATENCY = re.compile(r"Latency\s+([0-9.]+)(us|ms|s)\b")
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+([0-9]+)")
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url: str, seconds: int, connections: int, headers: dict[str, str]) -> tuple[float, float, int]:
    """(requests/s, mean latency in ms, non-2xx/3xx count) for ``url``."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 30).stdout
    rate = float(_RATE.search(output).group(1))
    latency = _LATENCY.search(output)
    errors = _NON_2XX.search(output)
    mean_ms = float(latency.group(1)) * _UNIT_MS[latency.group(2)] if latency else 0.0
    return rate, mean_ms, int(errors.group(1)) if errors else 0


def run_http(paths: dict[str, tuple[str, dict[str, str]]], seconds: int = 5, connections: int = 8) -> int:
    """Serve the benchmark settings with gunicorn and print wrk's numbers for each ``name -> (path, headers)``."""
    if shutil.which("wrk") is None:
        print("\nHTTP mode skipped: wrk is not installed (apt-get install wrk).")
        return 0
    from tests.scale.served import serve, stop

    env = {"DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"], "PYTHONPATH": str(ROOT)}
    server = serve(PORT, env, workers=2)
    results: dict[str, tuple[float, float, int]] = {}
    try:
        base = f"http://127.0.0.1:{PORT}"
        for name, (path, headers) in paths.items():
            wrk(base + path, 1, 2, headers)  # warm-up: connections, caches, lazy imports
            results[name] = wrk(base + path, seconds, connections, headers)
        # The floor again, last: a stall while it ran first (autovacuum after a bulk load, say) would flatter
        # every ratio. The better of its two runs is the one compared against.
        floor, (path, headers) = next(iter(paths.items()))
        results[floor] = max(results[floor], wrk(base + path, seconds, connections, headers))
    finally:
        stop(server)
    print(f"\nOver HTTP: gunicorn, 2 workers; wrk -t2 -c{connections} -d{seconds}s per URL")
    print(f"  {'contender':<30}{'req/s':>8}{'mean ms':>9}{'non-2xx':>9}   throughput")
    failed = 0
    for name, (rate, mean_ms, errors) in results.items():
        failed += errors if "304" not in name else 0
        print(f"  {name:<30}{rate:>8.0f}{mean_ms:>9.1f}{errors:>9}   {of_floor(rate, results[floor][0])}")
    return failed
