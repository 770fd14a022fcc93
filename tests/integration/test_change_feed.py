"""GET /api/v1/changes/: publication events in order, with a working opaque cursor."""

from __future__ import annotations

import base64

import pytest

from api.events import record_event
from api.resources.changes import encode_cursor
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db

FEED = "/api/v1/changes/"


@pytest.fixture
def five_events():
    """provider A published, center published, A unpublished, B published, A published again."""
    first = ProviderFactory(name="Alex Spritzer", live=False)
    first.save_revision().publish()
    TreatmentCenterFactory(name="Camelback Recovery", live=False).save_revision().publish()
    first.refresh_from_db()
    first.unpublish()
    ProviderFactory(name="Natalie Foster", live=False).save_revision().publish()
    first.save_revision().publish()


def summary(results) -> list[tuple[str, str]]:
    return [(item["type"], item["slug"]) for item in results]


def test_an_empty_feed_still_returns_a_cursor(api_client):
    body = api_client.get(FEED).json()
    assert body == {"results": [], "next_cursor": encode_cursor(0), "has_more": False, "next": None}


def test_events_come_in_order_with_paths_and_tags(api_client, five_events):
    body = api_client.get(FEED).json()

    assert summary(body["results"]) == [
        ("provider.published", "alex-spritzer"),
        ("center.published", "camelback-recovery"),
        ("provider.unpublished", "alex-spritzer"),
        ("provider.published", "natalie-foster"),
        ("provider.published", "alex-spritzer"),
    ]
    first = body["results"][0]
    assert first["object_type"] == "provider"
    assert first["paths"] == ["/providers/alex-spritzer/"]
    assert first["cache_tags"] == [f"provider-{first['object_id']}", "providers"]
    assert first["occurred_at"].endswith(("Z", "+00:00"))
    ids = [item["id"] for item in body["results"]]
    assert ids == sorted(ids)
    assert body["has_more"] is False


def test_the_cursor_pages_through_the_feed_and_resumes_after_new_events(
    api_client, five_events, django_capture_on_commit_callbacks
):
    page1 = api_client.get(FEED, {"limit": 2}).json()
    assert page1["has_more"] is True
    assert "since=" in page1["next"] and "limit=2" in page1["next"]
    page2 = api_client.get(page1["next"]).json()
    page3 = api_client.get(FEED, {"since": page2["next_cursor"], "limit": 2}).json()

    assert len(page1["results"]) == len(page2["results"]) == 2
    assert len(page3["results"]) == 1 and page3["has_more"] is False and page3["next"] is None
    all_ids = [item["id"] for page in (page1, page2, page3) for item in page["results"]]
    assert all_ids == sorted(set(all_ids)) and len(all_ids) == 5

    # Polling at the end: nothing new, same cursor; then a new event shows up once.
    idle = api_client.get(FEED, {"since": page3["next_cursor"]}).json()
    assert idle["results"] == [] and idle["next_cursor"] == page3["next_cursor"]
    with django_capture_on_commit_callbacks(execute=True):
        ProviderFactory(name="Michael Vines", live=False).save_revision().publish()
    fresh = api_client.get(FEED, {"since": page3["next_cursor"]}).json()
    assert summary(fresh["results"]) == [("provider.published", "michael-vines")]


def test_a_cached_feed_page_is_refreshed_by_the_next_event(api_client, five_events, django_capture_on_commit_callbacks):
    cursor = api_client.get(FEED).json()["next_cursor"]
    assert api_client.get(FEED, {"since": cursor}).json()["results"] == []
    assert api_client.get(FEED, {"since": cursor})["X-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        ProviderFactory(name="Michael Vines", live=False).save_revision().publish()

    assert summary(api_client.get(FEED, {"since": cursor}).json()["results"]) == [
        ("provider.published", "michael-vines")
    ]


def test_compliance_notices_stay_out_of_the_public_feed(api_client):
    record_event("credential.expiring", ProviderFactory(), data={"credential": "MD"})
    assert api_client.get(FEED).json()["results"] == []


@pytest.mark.parametrize(
    "since",
    [
        "",
        "abc",
        "1",
        "c1.5",  # the plain text inside a cursor is not a cursor
        base64.urlsafe_b64encode(b"c1.-1").decode().rstrip("="),
        base64.urlsafe_b64encode(b"c1.01").decode().rstrip("="),
        base64.urlsafe_b64encode(b"c2.5").decode().rstrip("="),
        encode_cursor(5) + "==",
        "é",
    ],
)
def test_a_bad_cursor_is_400_naming_since(api_client, since):
    response = api_client.get(FEED, {"since": since})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "since"


@pytest.mark.parametrize("limit", ["0", "-1", "abc", "1e3", "501", "99999999999999999999"])
def test_a_bad_limit_is_400_naming_limit(api_client, limit):
    response = api_client.get(FEED, {"limit": limit})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "limit"


def test_unknown_parameters_are_400(api_client):
    response = api_client.get(FEED, {"after": "1"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "after"
