"""Plain detail requests are answered by the cache middleware (``answer_directly``), before DRF and the rest of the
middleware stack: the same response the view gives, in every variant, and only for requests the view would
answer in the stored JSON. A query string sends a request through the view, so ``?locale=<default>`` (the
same content) is the reference every direct answer is compared with."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from api.published.responses import StoredBrowsableAPIRenderer, StoredJSONRenderer, plainly_stored
from api.resources.articles import ArticleDetailView
from api.resources.base import PublicDetailView

pytestmark = pytest.mark.django_db

DETAILS = [
    "/api/v1/articles/iop-for-depression/",
    "/api/v1/providers/michael-vines/",
    "/api/v1/centers/arizona-iop-phoenix/",
]
VARIANTS = {
    "plain": {},
    "gzip": {"HTTP_ACCEPT_ENCODING": "gzip, deflate"},
    "accept json": {"HTTP_ACCEPT": "application/json, text/plain, */*"},
    "cors": {"HTTP_ORIGIN": "https://www.example.com"},
}


def _through_the_view(url: str) -> str:
    return f"{url}?locale={settings.API_DEFAULT_LOCALE}"


def _headers(response) -> dict[str, str]:
    return {name: value for name, value in response.items() if name != "Date"}


@pytest.fixture
def view_refuses(monkeypatch):
    """Make every detail view answer 418, so a 200 or 304 can only have come from the direct answer."""

    def refuse(self, request, *args, **kwargs):
        return HttpResponse("the view ran", status=418)

    monkeypatch.setattr(PublicDetailView, "dispatch", refuse)


@pytest.mark.parametrize("url", DETAILS)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_direct_answer_is_the_views_answer(seed, api_client, url, variant):
    extra = VARIANTS[variant]
    direct = api_client.get(url, **extra)
    viewed = api_client.get(_through_the_view(url), **extra)
    assert direct.status_code == viewed.status_code == 200
    assert direct.content == viewed.content
    assert _headers(direct) == _headers(viewed)

    for etag in (direct["ETag"], '"stale"'):
        revalidated = api_client.get(url, HTTP_IF_NONE_MATCH=etag, **extra)
        reference = api_client.get(_through_the_view(url), HTTP_IF_NONE_MATCH=etag, **extra)
        assert revalidated.status_code == reference.status_code == (304 if etag == direct["ETag"] else 200)
        assert (revalidated.content, _headers(revalidated)) == (reference.content, _headers(reference))

    head = api_client.head(url, **extra)
    assert head.status_code == 200 and head.content == b""
    assert _headers(head) == _headers(api_client.head(_through_the_view(url), **extra))


@pytest.mark.parametrize("url", DETAILS)
def test_a_plain_request_never_reaches_the_view_and_costs_one_query(seed, api_client, view_refuses, locmem_cache, url):
    etag = api_client.get(url)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(url).status_code == 200
    assert len(queries) == 1, [query["sql"][:300] for query in queries.captured_queries]
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(queries) == 1 and "detail_json" not in queries[0]["sql"], [
        query["sql"] for query in queries.captured_queries
    ]


def test_requests_the_view_must_answer_go_to_it(seed, api_client, view_refuses):
    """A query string, an indent, or a slug with no public row: the view answers (here with its 418)."""
    url = DETAILS[0]
    for request in (
        lambda: api_client.get(_through_the_view(url)),
        lambda: api_client.get(url, HTTP_ACCEPT="application/json; indent=2"),
        lambda: api_client.get("/api/v1/articles/no-such-article/"),
        lambda: api_client.get("/api/v1/articles/bad%20slug/"),
    ):
        assert request().status_code == 418


def test_what_the_view_answers_itself_is_unchanged(seed, api_client):
    url = DETAILS[0]
    indented = api_client.get(url, HTTP_ACCEPT="application/json; indent=2")
    assert indented.status_code == 200 and indented.content.startswith(b"{\n  ")
    missing = api_client.get("/api/v1/articles/no-such-article/")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert api_client.get(url, HTTP_HOST="evil.test").status_code == 400  # the guard runs before a direct answer


def test_only_a_json_only_view_answers_before_negotiation(rf):
    plain = rf.get("/api/v1/articles/x/", HTTP_ACCEPT="*/*")
    assert plainly_stored(plain, [StoredJSONRenderer])
    assert not plainly_stored(plain, [StoredJSONRenderer, StoredBrowsableAPIRenderer])  # the browsable API is on
    assert not plainly_stored(rf.get("/api/v1/articles/x/?format=api"), [StoredJSONRenderer])
    for accept in ("application/json;indent=4", "application/json; Indent=2"):
        assert not plainly_stored(rf.get("/api/v1/articles/x/", HTTP_ACCEPT=accept), [StoredJSONRenderer])
    assert ArticleDetailView.renderer_classes == [StoredJSONRenderer]  # the default configuration qualifies
