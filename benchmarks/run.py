"""`make bench`: throughput of the content API next to its baselines, measured side by side in one run.

Compared, on the same content and the same process:
  * stored-json   — a bare Django view doing one primary-key SELECT of stored JSON (the floor);
  * wagtail-v2    — Wagtail's own API v2 (`?fields=*`), the thing Verity must beat;
  * verity        — our /api/v1/ endpoints: uncached (that URL's stored response dropped before each request),
                    cached (warm shared cache) and conditional (304 on If-None-Match).
Requests go through Django's full WSGI stack in-process (no socket), interleaved round-robin so machine noise
hits every contender alike. Only ratios are printed as results; absolute times are context.

Options: --articles N (default 200), --rounds R (default 30), --growth N2 (also compare list latency with N2
articles against N; the design's budget is ≤1.5x from 1,000 to 10,000; on PostgreSQL the articles come from
the bulk loader, so --growth 10000 takes minutes), --http (also measure over HTTP: gunicorn with 2 workers
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
from .ratios import of_floor, slower_or_faster


def setup_django() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    import django

    django.setup()


def prepare_database(articles: int) -> list[int]:
    from django.core.management import call_command

    from benchmarks.bulk import SLUG_PREFIX, bulk_articles
    from pages.models import ArticlePage

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


def forget(url: str) -> Callable[[], None]:
    """Drop the stored response for ``url`` only (a cold read, as right after a publish), keeping shared
    metadata such as the next scheduled visibility change that production computes once per publish."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from api.caching.middleware import response_variant
    from api.caching.store import entry_key

    key = entry_key(response_variant(RequestFactory().get(url)))
    return lambda: cache.delete(key)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--growth", type=int, default=0)
    parser.add_argument("--http", action="store_true")
    args = parser.parse_args(argv)

    setup_django()
    from django.test import Client

    from pages.models import ArticlePage

    print(f"Preparing {args.articles} signed-off articles (cloned from the demo article)…", flush=True)
    ids = prepare_database(args.articles)
    article = ArticlePage.objects.get(pk=ids[len(ids) // 2])
    client = Client()
    etag = client.get(f"/api/v1/articles/{article.slug}/").get("ETag", "")

    detail = {
        "stored-json": lambda: client.get(f"/bench/stored-json/{article.live_revision_id}/"),
        "wagtail-v2 detail": lambda: client.get(f"/bench/wagtail-v2/pages/{article.pk}/?fields=*"),
        "verity detail, uncached": lambda: client.get(f"/api/v1/articles/{article.slug}/"),
        "verity detail, cached": lambda: client.get(f"/api/v1/articles/{article.slug}/"),
        "verity detail, 304": lambda: client.get(f"/api/v1/articles/{article.slug}/", HTTP_IF_NONE_MATCH=etag),
    }
    detail_url = f"/api/v1/articles/{article.slug}/"
    medians = measure(detail, args.rounds, before={"verity detail, uncached": forget(detail_url)})
    report("Article detail (full body)", medians, "stored-json")
    print(
        f"  verity uncached vs wagtail-v2: {slower_or_faster(medians['verity detail, uncached'], medians['wagtail-v2 detail'])}"
    )

    listing = {
        "stored-json": detail["stored-json"],
        "wagtail-v2 list of 20": lambda: client.get(
            "/bench/wagtail-v2/pages/?type=pages.ArticlePage&fields=*&limit=20"
        ),
        "verity list of 20, uncached": lambda: client.get("/api/v1/articles/?page_size=20"),
        "verity list of 20, cached": lambda: client.get("/api/v1/articles/?page_size=20"),
    }
    list_url = "/api/v1/articles/?page_size=20"
    medians = measure(listing, args.rounds, before={"verity list of 20, uncached": forget(list_url)})
    report("Article list, 20 per page", medians, "stored-json")
    print(
        f"  verity uncached vs wagtail-v2: "
        f"{slower_or_faster(medians['verity list of 20, uncached'], medians['wagtail-v2 list of 20'])}"
    )

    if args.growth and args.growth > args.articles:
        small = measure(
            {"list": listing["verity list of 20, uncached"]}, args.rounds, before={"list": forget(list_url)}
        )
        print(f"\nGrowing to {args.growth} articles…", flush=True)
        prepare_database(args.growth)
        large = measure(
            {"list": listing["verity list of 20, uncached"]}, args.rounds, before={"list": forget(list_url)}
        )
        print(
            f"List latency at {args.growth} vs {args.articles} articles: "
            f"{slower_or_faster(large['list'], small['list'])} (budget: at most 1.5x slower)"
        )
    if args.http:
        paths = {
            "stored-json (floor)": (f"/bench/stored-json/{article.live_revision_id}/", {}),
            "wagtail-v2 detail": (f"/bench/wagtail-v2/pages/{article.pk}/?fields=*", {}),
            "verity detail, cached": (detail_url, {}),
            "verity detail, 304": (detail_url, {"If-None-Match": etag}),
            "verity list of 20, cached": (list_url, {}),
        }
        if run_http(paths):
            print("HTTP mode: some responses were not 2xx/3xx")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
