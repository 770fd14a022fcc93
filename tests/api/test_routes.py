"""Routes: listing pages (home, article indexes), links to them, and linear-time path validation."""

from __future__ import annotations

import time

import pytest

from api.resources.routes import clean_path, path_segments, safe_redirect_link
from pages.models import ArticleIndexPage

pytestmark = pytest.mark.django_db


def route(client, path: str):
    return client.get("/api/v1/routes/", {"path": path})


@pytest.mark.parametrize(
    ("path", "kind"), [("/", "home"), ("/resources/", "article_index"), ("/resources", "article_index")]
)
def test_home_and_article_index_resolve_to_their_listing_endpoint(seed, api_client, path, kind):
    response = route(api_client, path)
    assert response.status_code == 200, response.content
    data = response.json()
    expected_path = path if path.endswith("/") else path + "/"
    assert data == {"type": kind, "locale": "en", "path": expected_path, "api_url": "/api/v1/articles/"}
    listing = api_client.get(data["api_url"]).json()
    assert "iop-for-depression" in [article["slug"] for article in listing["results"]]


def test_an_unpublished_index_is_404_and_links_to_it_are_dropped(seed, api_client):
    index = ArticleIndexPage.objects.get(slug="resources")
    index.unpublish()
    assert route(api_client, "/resources/").status_code == 404


def test_a_call_to_action_to_an_index_page_keeps_its_frontend_path(seed, api_client):
    from tests.factories import public_article

    index = ArticleIndexPage.objects.get(slug="resources")
    public_article(
        title="Links to the index",
        slug="links-to-index",
        body=[
            (
                "call_to_action",
                {
                    "primary": {"label": "Start personalized outpatient care", "kind": "intake"},
                    "secondary": {"label": "Learn your treatment options", "kind": "page", "page": index},
                },
            ),
            ("paragraph", f'<p>See <a linktype="page" id="{index.pk}">all resources</a>.</p>'),
        ],
        references=[],
    )
    response = api_client.get("/api/v1/articles/links-to-index/")
    body = response.json()["body"]
    assert body[0]["value"]["secondary"] == {
        "label": "Learn your treatment options",
        "kind": "page",
        "url": "/resources/",
    }
    assert '<a href="/resources/">all resources</a>' in body[1]["value"]
    assert f"page-{index.pk}" in response["Cache-Tag"].split()


# --- validation is linear in the input (issue: a backtracking pattern took seconds per request) -------------

PATHOLOGICAL = [
    "/" + "a" * 9_998 + "!",
    "/" + "a/" * 4_999 + "%",
    "/" + "a." * 4_999 + "\\",
    "/" + "-" * 5_000 + "/" * 4_999,
    "/resources/" + "iop-for-depression/" * 530 + "?x=1",
    "http://" + "a" * 9_992 + " ",
    "/" + "~" * 9_998 + "\x00",
]


@pytest.mark.parametrize("raw", PATHOLOGICAL)
def test_path_and_link_validation_is_fast_on_10000_character_input(raw):
    assert len(raw) >= 9_990
    started = time.perf_counter()
    for _ in range(10):
        path_segments(raw)  # without the length cap, to show the check itself is linear
        clean_path(raw)
        clean_path(raw[:500])
        safe_redirect_link(raw)
    assert (time.perf_counter() - started) / 10 < 0.05


@pytest.mark.parametrize("raw", PATHOLOGICAL)
def test_pathological_route_requests_answer_quickly_with_a_json_4xx(db, api_client, raw):
    route(api_client, "/warm-up/")  # first request of a worker: URL resolver, connections
    attack = raw[:479] + raw[-1]  # within the length cap, still ending in the character that makes it invalid
    started = time.perf_counter()
    response = route(api_client, attack)
    assert time.perf_counter() - started < 0.5
    assert response.status_code in (400, 404)  # NUL is refused by the request guard before routing
    assert response.json()["error"]["status"] == response.status_code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/", "/"),
        ("/resources", "/resources/"),
        ("/resources/iop-for-depression/", "/resources/iop-for-depression/"),
        ("/a.b~c_d-e/", "/a.b~c_d-e/"),
        ("resources/", None),
        ("//evil.test/", None),
        ("/resources//x/", None),
        ("/resources/../etc/", None),
        ("/./", None),
        ("/resources/%2e/", None),
        ("/resources/x?y=1", None),
        ("/" + "a" * 500, None),
    ],
)
def test_clean_path(raw, expected):
    assert clean_path(raw) == expected


def test_a_long_valid_path_is_checked_segment_by_segment():
    assert path_segments("/" + "a/" * 5_000) == ["a"] * 5_000
    assert path_segments("/" + "a/" * 5_000 + "!") is None


@pytest.mark.parametrize(
    ("link", "ok"),
    [
        ("https://988lifeline.org/", True),
        ("HTTP://example.test/x", True),
        ("/get-started/", True),
        ("//evil.test/", False),
        ("https:///evil", False),
        ("/\\evil.test", False),
        ("javascript:alert(1)", False),
        ("https://a b/", False),
        ("", False),
    ],
)
def test_safe_redirect_link(link, ok):
    assert safe_redirect_link(link) is ok
