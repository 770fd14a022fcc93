"""R3's readers: threads reading one article's detail and the article list over HTTP, each response checked to
show exactly one revision. No Django here: the readers run in their own process (``spawn``), so their JSON
parsing never competes with the publishing test process for its interpreter lock.

Revision ``n`` of the probe article carries ``n`` in its title, summary and body, and is signed off by
``REVIEWERS[n % 3]``, so the stamps its sign-off produces (the byline) name ``n`` too.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request
from typing import Any

SLUG = "torn-read-probe"
REVIEWERS = ("Ada Medic", "Ben Clinic", "Cy Medic")
CATEGORIES = ("medical", "clinical", "medical")
DETAIL = f"/api/v1/articles/{SLUG}/"
LIST = "/api/v1/articles/?page_size=100"


class Torn(AssertionError):
    """A response that does not belong to exactly one revision."""


def revision_fields(number: int) -> dict[str, str]:
    """``draft_article`` / ``edit`` arguments of revision ``number``."""
    return {
        "title": f"Revision {number} of the probe",
        "summary": f"Summary of revision {number}.",
        "text": f"Body of revision {number}.",
    }


def numbers(text: str, pattern: str) -> set[int]:
    return {int(found) for found in re.findall(pattern, text)}


def detail_revision(data: dict[str, Any], dates: set[str]) -> int:
    """The one revision a detail response shows: title, summary, body, SEO copies and stamps agree."""
    title = numbers(data["title"], r"^Revision (\d+) of the probe$")
    if len(title) != 1:
        raise Torn(f"unexpected title {data['title']!r}")
    number = next(iter(title))
    parts = {
        "summary": numbers(data["summary"], r"Summary of revision (\d+)\."),
        "body": numbers(json.dumps(data["body"]), r"Body of revision (\d+)\."),
        "seo.title": numbers(data["seo"]["title"], r"^Revision (\d+) of the probe$"),
        "json_ld.headline": numbers(data["json_ld"]["mainEntity"]["headline"], r"^Revision (\d+) "),
    }
    mixed = {name: sorted(found) for name, found in parts.items() if found != {number}}
    byline = data["byline"]
    signed = [entry["name"] for group in ("medical_providers", "clinical_providers") for entry in byline[group]]
    if mixed or signed != [REVIEWERS[number % 3]]:
        raise Torn(f"revision {number} shows {mixed} and byline {signed}")
    if data["last_reviewed"] not in dates or data["last_updated"] not in dates:
        raise Torn(f"revision {number}: stamps {data['last_updated']} / {data['last_reviewed']}")
    return number


def list_revision(data: dict[str, Any]) -> int:
    (item,) = [item for item in data["results"] if item["slug"] == SLUG]
    title = numbers(item["title"], r"^Revision (\d+) of the probe$")
    summary = numbers(item["summary"], r"^Summary of revision (\d+)\.$")
    if len(title) != 1 or title != summary:
        raise Torn(f"list item mixes {item['title']!r} and {item['summary']!r}")
    return next(iter(title))


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


class Tally:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reads = 0
        self.errors: list[str] = []
        self.seen: set[int] = set()


def read_until(base: str, stop: Any, dates: set[str], tally: Tally) -> None:
    """One reader: detail, detail, list, … in sequence; the revisions it sees never go backwards."""
    newest, turn = -1, 0
    while not stop.is_set():
        turn += 1
        path = LIST if turn % 3 == 0 else DETAIL
        try:
            status, raw = fetch(base + path)
            if status != 200:
                raise Torn(f"HTTP {status}: {raw[:200]!r}")
            data = json.loads(raw)
            number = list_revision(data) if path == LIST else detail_revision(data, dates)
            if number < newest:
                raise Torn(f"revision {number} after revision {newest}")
        except Exception as error:  # noqa: BLE001 - every read that is not one whole revision is the finding
            with tally.lock:
                tally.errors.append(f"{path}: {type(error).__name__}: {error}")
            continue
        newest = number
        with tally.lock:
            tally.reads += 1
            tally.seen.add(number)


def run_readers(base: str, readers: int, dates: list[str], stop: Any, results: Any) -> None:
    """Process entry point: ``readers`` threads until ``stop`` is set, then one summary on ``results``."""
    tally = Tally()
    threads = [threading.Thread(target=read_until, args=(base, stop, set(dates), tally)) for _ in range(readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put({"reads": tally.reads, "errors": tally.errors, "revisions_seen": len(tally.seen)})
