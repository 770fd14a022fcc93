"""The R3 readers' check itself: a response mixing two revisions, or an older revision after a newer one, is
reported (so ``test_publish_under_reads`` can fail)."""

from __future__ import annotations

import copy
import json
import threading

import pytest

from tests.ops import torn_reads
from tests.ops.torn_reads import REVIEWERS, Tally, Torn, detail_revision, list_revision

DATES = {"2026-11-30"}


def detail(number: int) -> dict:
    title = f"Revision {number} of the probe"
    group = "clinical_providers" if number % 3 == 1 else "medical_providers"
    byline = {"medical_providers": [], "clinical_providers": []}
    byline[group] = [{"name": REVIEWERS[number % 3]}]
    return {
        "title": title,
        "summary": f"Summary of revision {number}.",
        "body": [{"type": "paragraph", "value": f"<p>Body of revision {number}.</p>"}],
        "seo": {"title": title},
        "json_ld": {"mainEntity": {"headline": title}},
        "byline": byline,
        "last_updated": "2026-11-30",
        "last_reviewed": "2026-11-30",
    }


def test_one_whole_revision_is_accepted():
    assert [detail_revision(detail(number), DATES) for number in (0, 1, 2, 7)] == [0, 1, 2, 7]
    assert list_revision({"results": [{"slug": torn_reads.SLUG, **detail(5)}]}) == 5


@pytest.mark.parametrize(
    "mix",
    [
        lambda data: data.update(summary="Summary of revision 3."),
        lambda data: data.update(body=[{"type": "paragraph", "value": "<p>Body of revision 3.</p>"}]),
        lambda data: data["seo"].update(title="Revision 3 of the probe"),
        lambda data: data.update(byline=detail(3)["byline"]),
        lambda data: data.update(last_reviewed="2026-11-29"),
    ],
)
def test_a_response_mixing_two_revisions_is_torn(mix):
    data = copy.deepcopy(detail(4))
    mix(data)
    with pytest.raises(Torn):
        detail_revision(data, DATES)


def test_a_reader_reports_an_older_revision_after_a_newer_one(monkeypatch):
    answers = iter([detail(5), detail(4)])
    stop, tally = threading.Event(), Tally()

    def fetch(url: str) -> tuple[int, bytes]:
        if url.endswith(torn_reads.LIST):  # the third read: the list, then stop
            stop.set()
            return 200, json.dumps({"results": [{"slug": torn_reads.SLUG, **detail(6)}]}).encode()
        return 200, json.dumps(next(answers)).encode()

    monkeypatch.setattr(torn_reads, "fetch", fetch)
    torn_reads.read_until("http://server", stop, DATES, tally)
    assert tally.errors == [f"{torn_reads.DETAIL}: Torn: revision 4 after revision 5"]
