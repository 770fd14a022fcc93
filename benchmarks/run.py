"""`make bench`: throughput of the content API next to its baselines, measured side by side in one run.

Compared, on the same content and the same process:
  * stored-json   — a bare Django view doing one primary-key SELECT of stored JSON (the floor);
  * wagtail-v2    — Wagtail's own API v2 (`?fields=*`), the thing Verity must beat;
  * verity        — our /api/v1/ endpoints: the first read after a publish (a signed-off revision of the
                    article published before each sample, by another process: benchmarks/publisher.py), a
                    repeated read, a 304 on If-None-Match, and search (first after a publish: ranked; repeated:
                    the response store); then the time from a publish's commit to the new JSON being served.
Requests go through Django's full WSGI stack in-process (no socket), interleaved round-robin so machine noise
hits every contender alike. Only ratios are printed as results; absolute times are context.

Options: --articles N (default 200), --rounds R (default 30), --growth N2 (also compare list and search latency
with N2 articles against N; the budget is ≤1.2x from 1,000 to 10,000; on PostgreSQL the articles come from the
bulk loader, about a minute for 10,000), --http (also measure over HTTP: gunicorn with 2 workers
driven by wrk, a few seconds per URL; see benchmarks/over_http.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable

from .over_http import run_http
from .publisher import Publisher
from .ratios import of_floor, slower_or_faster


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()


def prepare_database(articles: int) -> list[int]:
    from django.core.management import call_command

    from benchmarks.bulk import SLUG_PREFIX, bulk_articles
    from pages.models import ArticlePage

    call_command("ensure_database", verbosity=0)  # BENCH_DATABASE_URL may name a database nobody created yet
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    call_command("load_demo", verbosity=0)
    bulk_articles(articles, log=lambda line: None)
    refresh_planner_statistics()
    bench = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX).order_by("slug")
    return list(bench.values_list("id", flat=True)[:articles])


def refresh_planner_statistics() -> None:
    """After a bulk load, as autovacuum would soon: stale row estimates make PostgreSQL pick plans (e.g. for the
    view-restriction anti-join) that scan every page once per article."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def commit_to_served(client, publisher, article_id: int, detail_url: str, rounds: int = 10) -> None:
    """Time from a publish's commit (in the publisher process) to a reader getting the new JSON."""
    waits, publishes = [], []
    for number in range(rounds):
        title = f"Served at once {number}"
        started = time.perf_counter()
        publisher.publish(article_id, title)
        committed = time.perf_counter()
        while title not in client.get(detail_url).json()["title"]:
            if time.perf_counter() - committed > 30:
                raise SystemExit("the new title was not served within 30 s of the commit")
        waits.append(time.perf_counter() - committed)
        publishes.append(committed - started)
    print(
        f"\nCommit to served: the first request after the commit returns the new JSON; median "
        f"{statistics.median(waits) * 1000:.2f} ms from commit to response (one read), publish transaction "
        f"{statistics.median(publishes) * 1000:.0f} ms (rebuilds the stored rows it changes)"
    )


def timed(request: Callable[[], object]) -> float:
    start = time.perf_counter()
    response = request()
    elapsed = time.perf_counter() - start
    status = getattr(response, "status_code", 200)
    if status not in (200, 304):
        raise SystemExit(f"benchmark request failed with {status}: {getattr(response, 'content', b'')[:300]!r}")
    return elapsed


def measure(contenders: dict[str, Callable[[], object]], rounds: int, before: dict[str, Callable[[], None]]):
    for request in contenders.values():  # warm up every path once
        request()
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(rounds):
        for name, request in contenders.items():
            if name in before:
                before[name]()
            samples[name].append(timed(request))
    return {name: statistics.median(values) for name, values in samples.items()}


def report(title: str, medians: dict[str, float], floor: str) -> None:
    print(f"\n{title}")
    print(f"  {'contender':<30}{'median ms':>10}{'req/s':>8}   throughput")
    for name, seconds in medians.items():
        print(f"  {name:<30}{seconds * 1000:>10.2f}{1 / seconds:>8.0f}   {of_floor(1 / seconds, 1 / medians[floor])}")


def report_after_publish(name: str, medians: dict[str, float], pair: tuple[str, str]) -> None:
    """``pair`` (the floor after a publish, ``name`` after a publish) as a ratio. A process that sat idle through a
    publish on the other core answers its next request slower, whatever it serves (cold CPU caches): the floor
    read under the same condition is the fair comparison."""
    floor, contender = pair
    print(
        f"  {name} after a publish, against the floor after a publish: {of_floor(1 / medians[contender], 1 / medians[floor])}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--growth", type=int, default=0)
    parser.add_argument("--http", action="store_true")
    args = parser.parse_args(argv)

    setup_django()
    from django.test import Client

    from cms.heap import settle
    from pages.models import ArticlePage

    print(f"Preparing {args.articles} signed-off articles (cloned from the demo article)…", flush=True)
    ids = prepare_database(args.articles)
    article = ArticlePage.objects.get(pk=ids[len(ids) // 2])
    client = Client()
    settle()  # as cms.wsgi does in every web process (cms.heap)

    detail_url = f"/api/v1/articles/{article.slug}/"
    list_url = "/api/v1/articles/?page_size=20"
    search_url = "/api/v1/search/?q=intensive+outpatient+depression"
    floor = lambda: client.get(f"/bench/stored-json/{article.live_revision_id}/")  # noqa: E731
    detail = {
        "stored-json": floor,
        "stored-json, after a publish": floor,
        "wagtail-v2 detail": lambda: client.get(f"/bench/wagtail-v2/pages/{article.pk}/?fields=*"),
        "verity detail, after a publish": lambda: client.get(detail_url),
        "verity detail, repeated": lambda: client.get(detail_url),
    }
    publisher = Publisher()
    republish = publisher.republisher(article.pk)
    after_publish = ("stored-json, after a publish", "verity detail, after a publish")
    medians = measure(detail, args.rounds, before=dict.fromkeys(after_publish, republish))
    report("Article detail (full body)", medians, "stored-json")
    report_after_publish("verity detail", medians, after_publish)
    print(
        f"  verity vs wagtail-v2: {slower_or_faster(medians['verity detail, after a publish'], medians['wagtail-v2 detail'])}"
    )

    etag = client.get(detail_url)["ETag"]
    detail_304 = {"stored-json": floor, "verity detail, 304": lambda: client.get(detail_url, HTTP_IF_NONE_MATCH=etag)}
    report("Conditional request (If-None-Match matches)", measure(detail_304, args.rounds, before={}), "stored-json")

    listing = {
        "stored-json": floor,
        "stored-json, after a publish": floor,
        "wagtail-v2 list of 20": lambda: client.get(
            "/bench/wagtail-v2/pages/?type=pages.ArticlePage&fields=*&limit=20"
        ),
        "verity list of 20, after a publish": lambda: client.get(list_url),
        "verity list of 20, repeated": lambda: client.get(list_url),
    }
    after_publish = ("stored-json, after a publish", "verity list of 20, after a publish")
    medians = measure(listing, args.rounds, before=dict.fromkeys(after_publish, republish))
    report("Article list, 20 per page", medians, "stored-json")
    report_after_publish("verity list of 20", medians, after_publish)
    print(
        f"  verity vs wagtail-v2: {slower_or_faster(medians['verity list of 20, after a publish'], medians['wagtail-v2 list of 20'])}"
    )

    searching = {
        "stored-json": floor,
        "verity search, after a publish": lambda: client.get(search_url),
        "verity search, repeated": lambda: client.get(search_url),
    }
    medians = measure(searching, args.rounds, before={"verity search, after a publish": republish})
    report("Search across articles, clinicians and centers (3 words)", medians, "stored-json")
    commit_to_served(client, publisher, article.pk, detail_url)
    publisher.close()

    if args.growth and args.growth > args.articles:
        from django.core.cache import cache

        growing = {"list": lambda: client.get(list_url), "search": lambda: client.get(search_url)}
        ranked = {"search": cache.clear}  # the ranking itself, not the response store's copy of its result
        small = measure(growing, args.rounds, before=ranked)
        print(f"\nGrowing to {args.growth} articles…", flush=True)
        prepare_database(args.growth)
        large = measure(growing, args.rounds, before=ranked)
        for name in growing:
            print(
                f"{name.capitalize()} latency at {args.growth} vs {args.articles} articles: "
                f"{slower_or_faster(large[name], small[name])} (budget: at most 1.2x slower)"
            )
    if args.http:
        paths = {
            "stored-json (floor)": (f"/bench/stored-json/{article.live_revision_id}/", {}),
            "wagtail-v2 detail": (f"/bench/wagtail-v2/pages/{article.pk}/?fields=*", {}),
            "verity detail": (detail_url, {}),
            "verity detail, 304": (detail_url, {"If-None-Match": client.get(detail_url)["ETag"]}),
            "verity list of 20": (list_url, {}),
            "verity search, 3 words (repeated)": (search_url, {}),
        }
        if run_http(paths):
            print("HTTP mode: some responses were not 2xx/3xx")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
