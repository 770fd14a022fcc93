"""`make loadtest`: locust, headless and bounded, against gunicorn (2 workers) serving N bulk-loaded articles.

Mixed traffic (loadtest/locustfile.py) plus a publish every few seconds (loadtest/publisher.py). Prints
requests/s, p50/p99 and errors; exits non-zero on any failed request (5xx or not), when locust sends none, or
on a publish not visible a second after its commit.

Options: --articles N (10,000), --users U (20), --seconds S (30), --publish-every P (3), --port (8163).
Database: ``BENCH_DATABASE_URL`` (PostgreSQL; the bulk loader needs it).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def locust(host: str, users: int, seconds: int, prefix: str) -> int:
    command = [
        str(Path(sys.executable).with_name("locust")), "-f", str(ROOT / "loadtest" / "locustfile.py"),
        "--headless", "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", host,
        "--csv", prefix, "--only-summary", "--loglevel", "WARNING", "--stop-timeout", "5",
    ]  # fmt: skip
    return subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).returncode


def summary(prefix: str) -> tuple[dict, list[dict]]:
    with open(f"{prefix}_stats.csv") as stats:
        total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
    with open(f"{prefix}_failures.csv") as failures:
        return total, list(csv.DictReader(failures))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--publish-every", type=float, default=3.0)
    parser.add_argument("--port", type=int, default=8163)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from benchmarks.bulk import SLUG_PREFIX, bulk_articles
    from benchmarks.run import prepare_database
    from loadtest.publisher import PublishLog, run_publisher
    from pages.models import ArticlePage
    from tests.scale.served import serve, stop

    print(f"Preparing {args.articles} signed-off articles…", flush=True)
    prepare_database(1)
    bulk_articles(args.articles, log=lambda line: print(line, flush=True))
    slugs = list(
        ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).order_by("-slug").values_list("slug", flat=True)[:40]
    )

    host = f"http://127.0.0.1:{args.port}"
    env = {"DJANGO_SETTINGS_MODULE": os.environ["DJANGO_SETTINGS_MODULE"], "PYTHONPATH": str(ROOT)}
    server = serve(args.port, env, workers=2)
    log, stopping = PublishLog(), threading.Event()
    publisher = threading.Thread(target=run_publisher, args=(host, slugs, args.publish_every, stopping, log))
    try:
        print(f"Load: {args.users} users for {args.seconds} s against gunicorn (2 workers) at {host}", flush=True)
        publisher.start()
        prefix = os.path.join(tempfile.mkdtemp(prefix="verity-loadtest-"), "run")
        locust(host, args.users, args.seconds, prefix)
    finally:
        stopping.set()
        publisher.join(30)
        stop(server)

    total, failures = summary(prefix)
    server_errors = [row for row in failures if "Server Error" in row["Error"]]  # requests' wording for 5xx
    print(f"\nrequests          {total['Request Count']}")
    print(f"requests/s        {float(total['Requests/s']):.1f}")
    print(f"p50 / p99         {total['50%']} ms / {total['99%']} ms")
    print(f"errors            {total['Failure Count']} ({len(server_errors)} server errors)")
    visible = sorted(log.visible_after)
    worst = f", slowest {visible[-1] * 1000:.0f} ms" if visible else ""
    print(f"publishes         {log.published} ({len(log.stale)} stale after {1.0:.0f} s{worst})")
    for line in [*log.stale, *log.errors, *(f"{row['Name']}: {row['Error']}" for row in failures)][:20]:
        print(f"  ! {line}")
    if not int(total["Request Count"]):
        print("  ! locust sent no request (see its output above)")
    # Any failed request counts: a 404 for a listed article is content vanishing, a 429 a rate limit in the way.
    failed = bool(failures or log.stale or log.errors or not int(total["Request Count"]))
    print("FAIL" if failed else "OK")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
