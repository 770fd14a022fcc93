"""Plain requests for a whole list (only ``page`` and ``page_size`` in the query) are answered by the cache
middleware (``answer_directly``), before DRF and the rest of the middleware stack: the same response the view
gives, in every variant, and only for requests the view would answer the same way. The view's own answer (the
direct answer turned off) is the reference."""

from __future__ import annotations

import gzip

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from api.resources.base import PublicListView
from tests.factories import public_article, publish
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory
from tests.factories.translations import spanish_reviewer, translate

pytestmark = pytest.mark.django_db

LISTS = ["/api/v1/articles/", "/api/v1/providers/", "/api/v1/centers/"]
QUERIES = ["", "?page_size=1", "?page=2&page_size=1", "?page_size=1&page=2"]
VARIANTS = {
    "plain": {},
    "gzip": {"HTTP_ACCEPT_ENCODING": "gzip, deflate"},
    "accept json": {"HTTP_ACCEPT": "application/json, text/plain, */*"},
    "cors": {"HTTP_ORIGIN": "https://www.example.com"},
}


@pytest.fixture
def lists(shared_seed):
    """At least two public objects of every kind, so that there is a second page of one, and an article in a
    second language (not in the default locale's list)."""
    article = public_article(title="Second Heron", slug="second-heron")
    publish(translate(article, "es"), [spanish_reviewer()])
    ProviderFactory(name="Second Heron", slug="second-heron")
    TreatmentCenterFactory(name="Second Heron Center", slug="second-heron-center")


def _seen(response) -> tuple[int, bytes, dict[str, str]]:
    """Status, body and headers; a compressed body decompressed (GZipMiddleware pads each one at random)."""
    headers = {name: value for name, value in response.items() if name != "Date"}
    content = response.content
    if headers.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
        headers.pop("Content-Length")
    return response.status_code, content, headers


@pytest.fixture
def view_refuses(monkeypatch):
    """Make every list view answer 418, so a 200 or 304 can only have come from the direct answer."""
    monkeypatch.setattr(PublicListView, "dispatch", lambda self, request, *args, **kwargs: HttpResponse(status=418))


def _answers(client, url: str, extra: dict) -> list[tuple[int, bytes, dict[str, str]]]:
    full = client.get(url, **extra)
    answers = [full, client.head(url, **extra)]
    answers += [client.get(url, HTTP_IF_NONE_MATCH=etag, **extra) for etag in (full["ETag"], '"stale"')]
    return [_seen(answer) for answer in answers]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("variant", VARIANTS)
def test_a_direct_answer_is_the_views_answer(lists, api_client, monkeypatch, url, query, variant):
    direct = _answers(api_client, url + query, VARIANTS[variant])
    assert [status for status, _, _ in direct] == [200, 200, 304, 200]
    monkeypatch.setattr(PublicListView, "answer_directly", classmethod(lambda cls, request, **kwargs: None))
    assert direct == _answers(api_client, url + query, VARIANTS[variant])


@pytest.mark.parametrize("url", LISTS)
def test_a_plain_list_never_reaches_the_view_and_costs_one_query(lists, api_client, view_refuses, locmem_cache, url):
    api_client.get(f"{url}?page_size=2")
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(f"{url}?page_size=2")
    assert response.status_code == 200 and len(response.json()["results"]) == 2
    assert len(queries) == 1, [query["sql"][:300] for query in queries.captured_queries]


@pytest.mark.parametrize(
    "request_",
    [
        {"path": "/api/v1/articles/?locale=en"},
        {"path": "/api/v1/articles/?ordering=title"},
        {"path": "/api/v1/articles/?search=depression"},
        {"path": "/api/v1/articles/?format=json"},
        {"path": "/api/v1/articles/?page=0"},
        {"path": "/api/v1/articles/?page=abc"},
        {"path": "/api/v1/articles/?page="},
        {"path": "/api/v1/articles/?page_size=1&page_size=2"},
        {"path": "/api/v1/articles/?page_size=101"},
        {"path": "/api/v1/articles/?page=99"},
        {"path": "/api/v1/articles/", "HTTP_ACCEPT": "application/json; indent=2"},
    ],
    ids=lambda request_: request_["path"].partition("?")[2] or request_.get("HTTP_ACCEPT"),
)
def test_requests_the_view_must_answer_go_to_it(lists, api_client, view_refuses, request_):
    assert api_client.get(**request_).status_code == 418


def test_what_the_view_answers_itself_is_unchanged(lists, api_client):
    past = api_client.get("/api/v1/articles/?page=99")
    assert past.status_code == 400 and past.json()["error"]["parameter"] == "page"
    repeated = api_client.get("/api/v1/articles/?page_size=1&page_size=2")
    assert repeated.status_code == 400 and repeated.json()["error"]["parameter"] == "page_size"
    indented = api_client.get("/api/v1/articles/", HTTP_ACCEPT="application/json; indent=2")
    assert indented.status_code == 200 and indented.content.startswith(b"{\n  ")
    assert api_client.get("/api/v1/articles/", HTTP_HOST="evil.test").status_code == 400  # the guard runs first
