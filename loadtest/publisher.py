"""Publishes under load and checks each one is visible over HTTP within a second of its commit.

Every ``every`` seconds an article from the first pages (the ones the load also requests) gets a new summary
through the normal path (revision, clinical sign-offs, ``publish_signed``). After the publish commits, the
article is read from the served app until the new summary shows; a publish still missing from reads that
started more than ``STALE_AFTER`` seconds after its commit counts as a stale read.
"""

from __future__ import annotations

import json
import random
import threading
import time
import urllib.request
import uuid
from dataclasses import dataclass, field

STALE_AFTER = 1.0
GIVE_UP_AFTER = 10.0


@dataclass
class PublishLog:
    published: int = 0
    stale: list[str] = field(default_factory=list)
    visible_after: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def publish_new_summary(slug: str) -> str:
    from benchmarks.content import demo_article, reviewers_of
    from pages.models import ArticlePage
    from pages.review.services import publish_signed, record_signoff

    marker = f"[loadtest {uuid.uuid4().hex[:12]}]"
    article = ArticlePage.objects.get(slug=slug)
    article.summary = f"{article.summary.split(' [loadtest ')[0]} {marker}"
    revision = article.save_revision()
    for reviewer in reviewers_of(demo_article()):
        record_signoff(revision, reviewer, "approved", attestation=True, note="Load test.")
    publish_signed(revision)
    return marker


def read_summary(base_url: str, slug: str) -> str:
    with urllib.request.urlopen(f"{base_url}/api/v1/articles/{slug}/", timeout=5) as response:
        return json.loads(response.read())["summary"]


def check_visible(base_url: str, slug: str, marker: str, committed: float, log: PublishLog) -> None:
    while True:
        started = time.monotonic()
        try:
            seen = marker in read_summary(base_url, slug)
        except Exception as error:  # noqa: BLE001 - any failure to read is a finding
            log.errors.append(f"{slug}: {error}")
            return
        if seen:
            log.visible_after.append(started - committed)
            return
        if started - committed > STALE_AFTER:
            log.stale.append(f"{slug}: still the old summary {started - committed:.2f} s after the commit")
            return
        time.sleep(0.05)


def run_publisher(base_url: str, slugs: list[str], every: float, stop: threading.Event, log: PublishLog) -> None:
    from django.db import close_old_connections

    while not stop.wait(every):
        slug = random.choice(slugs)
        try:
            marker = publish_new_summary(slug)
        except Exception as error:  # noqa: BLE001
            log.errors.append(f"publish {slug}: {error}")
            continue
        finally:
            close_old_connections()
        log.published += 1
        check_visible(base_url, slug, marker, time.monotonic(), log)
