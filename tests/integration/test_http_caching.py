"""HTTP caching: validators, 304s, cache tags, the shared response cache and its invalidation by publish.

Details and lists read stored representations directly (``X-Cache: stored``, one query, no response store in
front); the response store serves everything else (search, routes, sitemap, vocabularies, the change feed),
which is what the cache-hit tests here use: the route of a clinician's page."""

from __future__ import annotations

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date

from api.caching import invalidate_tags, tag_response
from api.caching.store import CachedResponse, current_clock, entry_key, lookup, store
from tests import factories
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return ProviderFactory(name="Alex Spritzer", job_title="Nurse practitioner", publish=True)


def detail_url(provider) -> str:
    return f"/api/v1/providers/{provider.slug}/"


def route_url(provider) -> str:
    """A response-store endpoint that depends on ``provider`` (its frontend route)."""
    return f"/api/v1/routes/?path=/providers/{provider.slug}/"


def test_a_stored_detail_is_one_query_and_never_the_response_store(api_client, provider):
    api_client.get(detail_url(provider))
    with CaptureQueriesContext(connection) as queries:
        first = api_client.get(detail_url(provider))
        second = api_client.get(detail_url(provider))

    assert (first["X-Cache"], second["X-Cache"]) == ("stored", "stored")
    assert first.content == second.content and first["ETag"] == second["ETag"]
    statements = [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]
    counted = [sql for sql in statements if "api_requestcounter" in sql]  # the rate limit: one upsert per lease
    content = [sql for sql in statements if "api_requestcounter" not in sql]
    assert len(counted) <= 2, "\n".join(statements)
    assert len(content) == 2 and all("api_storedrepresentation" in sql for sql in content), "\n".join(statements)


def test_a_public_response_carries_validators_cache_control_and_tags(api_client, provider, settings):
    response = api_client.get(detail_url(provider))

    assert response.status_code == 200
    etag = response["ETag"]
    assert etag.startswith('"') and etag.endswith('"') and not etag.startswith("W/")
    assert parse_http_date(response["Last-Modified"]) > 0
    assert response["Cache-Control"] == settings.API_CACHE_CONTROL
    assert f"provider-{provider.pk}" in response["Cache-Tag"].split(" ")
    assert response["Surrogate-Key"] == response["Cache-Tag"]
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept", "origin"} <= vary


def test_the_second_request_is_served_from_the_shared_cache_with_the_same_bytes(api_client, provider):
    first = api_client.get(route_url(provider))
    second = api_client.get(route_url(provider))

    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]
    assert first["Last-Modified"] == second["Last-Modified"]
    assert second["Content-Type"] == "application/json"


def test_a_warm_cache_hit_is_confirmed_by_one_query_on_the_tag_versions(api_client, provider):
    api_client.get(route_url(provider))  # warm up

    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(route_url(provider))

    assert response["X-Cache"] == "hit"
    # The test settings keep the cache itself in the database too (the entry and the throttle counter); apart
    # from those, a hit costs exactly one indexed query on the tag versions, and no view query.
    statements = [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]
    others = [sql for sql in statements if "verity_cache" not in sql and "api_requestcounter" not in sql]
    assert len(others) == 1 and "api_cachetagversion" in others[0], "\n".join(statements)


@pytest.fixture
def redis_cache(settings):
    """The production cache backend, under a throw-away key prefix (skipped when no Redis answers)."""
    import uuid

    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/2")
    client = redis.Redis.from_url(url, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {url}")
    prefix = f"verity-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "api.caching.backends.FailOpenRedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    yield
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_a_warm_cache_hit_makes_one_sql_query_with_redis(api_client, provider, redis_cache, django_assert_num_queries):
    first = api_client.get(route_url(provider))
    assert first["X-Cache"] == "miss"

    with django_assert_num_queries(2):  # one tag-version check per hit
        second = api_client.get(route_url(provider))
        not_modified = api_client.get(route_url(provider), HTTP_IF_NONE_MATCH=first["ETag"])

    assert (second["X-Cache"], second.content) == ("hit", first.content)
    assert not_modified.status_code == 304
    with django_assert_num_queries(1):  # a stored detail: its one SELECT, nothing from Redis decides anything
        assert api_client.get(detail_url(provider))["X-Cache"] == "stored"


@pytest.mark.parametrize("warm", [False, True], ids=["built", "cached"])
def test_if_none_match_answers_304(api_client, provider, warm):
    etag = api_client.get(detail_url(provider))["ETag"]
    if not warm:
        invalidate_tags([f"provider-{provider.pk}"])

    response = api_client.get(detail_url(provider), HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert api_client.get(detail_url(provider), HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_if_modified_since_answers_304_when_nothing_changed_since(api_client, provider):
    last_modified = api_client.get(detail_url(provider))["Last-Modified"]
    earlier = http_date(parse_http_date(last_modified) - 3600)

    assert api_client.get(detail_url(provider), HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert api_client.get(detail_url(provider), HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_last_modified_comes_from_what_the_view_reported(api_client, provider):
    response = api_client.get(detail_url(provider))
    provider.refresh_from_db()
    assert parse_http_date(response["Last-Modified"]) == int(provider.last_published_at.timestamp())


def test_a_response_cached_before_a_publish_is_not_served_after_it(
    api_client, provider, django_capture_on_commit_callbacks
):
    before = api_client.get(detail_url(provider))
    route = api_client.get(route_url(provider))
    assert api_client.get(route_url(provider))["X-Cache"] == "hit"

    provider.job_title = "Psychiatric nurse practitioner"
    with django_capture_on_commit_callbacks(execute=True):
        provider.save_revision().publish()

    assert api_client.get(route_url(provider))["X-Cache"] == "miss"
    assert api_client.get(route_url(provider)).json() == route.json()
    after = api_client.get(detail_url(provider))
    assert after["X-Cache"] == "stored"
    assert after.json()["job_title"] == "Psychiatric nurse practitioner"
    assert after["ETag"] != before["ETag"]
    assert api_client.get(detail_url(provider), HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_unpublish_removes_the_object_from_cached_detail_and_lists_at_once(
    api_client, provider, django_capture_on_commit_callbacks
):
    assert provider.slug in api_client.get("/api/v1/providers/").content.decode()
    assert api_client.get(detail_url(provider)).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        provider.unpublish()

    assert api_client.get(detail_url(provider)).status_code == 404
    assert provider.slug not in api_client.get("/api/v1/providers/").content.decode()


def test_publishing_an_article_refreshes_its_reviewers_cached_profile(api_client, django_capture_on_commit_callbacks):
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    url = "/api/v1/providers/michael-vines/"
    assert api_client.get(url).json()["articles_reviewed"] == []

    with django_capture_on_commit_callbacks(execute=True):
        factories.published_article(reviewer, slug="iop-for-depression")

    assert [item["slug"] for item in api_client.get(url).json()["articles_reviewed"]] == ["iop-for-depression"]


def test_editing_a_vocabulary_term_refreshes_responses_that_show_it(api_client, django_capture_on_commit_callbacks):
    from tests.factories.providers import LevelOfCareFactory

    level = LevelOfCareFactory(slug="intensive-outpatient")
    TreatmentCenterFactory(slug="phoenix", programs=[level], publish=True)
    api_client.get("/api/v1/centers/phoenix/")

    with django_capture_on_commit_callbacks(execute=True):
        level.name = "Intensive outpatient program (renamed)"
        level.save()

    assert "renamed" in api_client.get("/api/v1/centers/phoenix/").content.decode()


def test_invalidation_is_precise(api_client, provider, django_capture_on_commit_callbacks):
    """A publish rebuilds and purges what shows that object, not its neighbours (stored row and cache tag)."""
    from api.caching import versions
    from api.published.models import StoredRepresentation

    other = ProviderFactory(name="Natalie Foster", publish=True)
    built = dict(StoredRepresentation.objects.filter(kind="provider").values_list("object_id", "built_at"))
    tags = versions.read([f"provider-{provider.pk}", f"provider-{other.pk}"])

    with django_capture_on_commit_callbacks(execute=True):
        provider.save_revision().publish()

    rebuilt = dict(StoredRepresentation.objects.filter(kind="provider").values_list("object_id", "built_at"))
    moved = versions.read([f"provider-{provider.pk}", f"provider-{other.pk}"])
    assert rebuilt[provider.pk] > built[provider.pk] and rebuilt[other.pk] == built[other.pk]
    assert moved[f"provider-{provider.pk}"] > tags[f"provider-{provider.pk}"]
    assert moved[f"provider-{other.pk}"] == tags[f"provider-{other.pk}"]


def test_equivalent_query_strings_share_one_entry(api_client):
    from tests.factories.providers import TopicFactory

    TopicFactory()
    first = api_client.get("/api/v1/vocabularies/topics/?page=1&page_size=5")
    second = api_client.get("/api/v1/vocabularies/topics/?page_size=5&page=1")
    third = api_client.get("/api/v1/vocabularies/topics/?page_size=6&page=1")

    assert first.status_code == 200
    assert (first["X-Cache"], second["X-Cache"], third["X-Cache"]) == ("miss", "hit", "miss")


def test_a_search_is_kept_in_the_store_and_never_outlives_a_change_of_shape(api_client, provider, settings):
    url = "/api/v1/search/?q=Spritzer"
    first, second = api_client.get(url), api_client.get(url)
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit") and first.content == second.content
    assert first.json()["count"] == 1

    settings.FRONTEND_BASE_URL = "https://elsewhere.example"  # stored rows are built with it: a new shape
    assert api_client.get(url)["X-Cache"] == "miss"
    # That search rebuilt the row it shows (moving its tags while it was built), so its own result is not kept;
    # the next one, built from current rows, is.
    assert [api_client.get(url)["X-Cache"] for _ in range(2)] == ["miss", "hit"]


def test_errors_and_previews_are_never_cached(api_client):
    for _ in range(2):
        missing = api_client.get("/api/v1/providers/nobody/")
        assert missing.status_code == 404
        assert missing["Cache-Control"] == "no-store"
        assert "ETag" not in missing and "X-Cache" not in missing
        preview = api_client.get("/api/v1/preview/", {"token": "nope"})
        assert preview["Cache-Control"] == "no-store"
        assert "ETag" not in preview and "X-Cache" not in preview


def test_a_response_built_while_a_publish_commits_is_stored_stale(rf):
    """The race the generation clock closes: the build started before the invalidation, so it is not served."""
    key = entry_key("/api/v1/providers/x/?|json")
    built_at = current_clock()  # read before the view reads content
    invalidate_tags(["provider-1"])  # a publish commits meanwhile
    store(key, CachedResponse(200, b"{}", {}, ["provider-1"], '"e"', 0.0, built_at))
    assert lookup(key) is None

    store(key, CachedResponse(200, b"{}", {}, ["provider-1"], '"e"', 0.0, current_clock()))
    assert lookup(key) is not None


def test_tag_response_accepts_drf_requests_and_keeps_the_newest_date(rf):
    from datetime import UTC, datetime

    from rest_framework.request import Request

    request = rf.get("/api/v1/x/")
    tag_response(Request(request), ["article-1"], datetime(2025, 1, 1, tzinfo=UTC))
    tag_response(request, ["articles"], datetime(2024, 1, 1, tzinfo=UTC))
    from api.caching import collected_last_modified, collected_tags

    assert collected_tags(request) == {"article-1", "articles"}
    assert collected_last_modified(request) == datetime(2025, 1, 1, tzinfo=UTC)


# --- CORS (C1, C2) and throttling (L1) also hold for cached responses ---------------------------------


@pytest.mark.parametrize("origin", ["https://evil.test", "null", "https://app.example.com.evil.test"])
def test_foreign_origins_get_no_cors_grant_even_from_the_cache(api_client, provider, origin):
    allowed = api_client.get(route_url(provider), HTTP_ORIGIN="https://app.example.com")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.com"

    response = api_client.get(route_url(provider), HTTP_ORIGIN=origin)

    assert response["X-Cache"] == "hit"
    assert "Access-Control-Allow-Origin" not in response
    assert "origin" in response["Vary"].lower()


def test_preflight_for_delete_is_not_granted(api_client):
    response = api_client.options(
        "/api/v1/providers/",
        HTTP_ORIGIN="https://app.example.com",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="DELETE",
    )
    allowed = {method.strip() for method in response.get("Access-Control-Allow-Methods", "").split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}
    assert api_client.delete("/api/v1/providers/").status_code == 405


@pytest.mark.parametrize("cached", [False, True], ids=["uncached-path", "cached-path"])
def test_a_burst_past_the_rate_gets_429_with_retry_after(api_client, provider, settings, cached):
    settings.API_THROTTLE_RATE = "100/day"  # a day-long window: the burst never straddles a window boundary
    url = detail_url(provider) if cached else "/api/v1/providers/?page_size=1"

    statuses = []
    for number in range(300):
        # The uncached path varies the query so every request reaches the view.
        response = api_client.get(url if cached else f"{url}&search=a{number}")
        statuses.append(response.status_code)
        if response.status_code == 429:
            throttled = response
    assert statuses.count(200) == 100
    assert statuses.count(429) == 200
    assert int(throttled["Retry-After"]) >= 1
    assert throttled.json()["error"]["code"] == "throttled"


@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_a_revalidation_reads_the_hash_only_and_answers_with_the_full_responses_headers(api_client, provider, encoding):
    full = api_client.get(detail_url(provider), HTTP_ACCEPT_ENCODING=encoding)
    with CaptureQueriesContext(connection) as queries:
        revalidated = api_client.get(
            detail_url(provider), HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH=full["ETag"]
        )
    assert revalidated.status_code == 304 and revalidated.content == b""
    for header in ("ETag", "Cache-Control", "Last-Modified", "Vary"):  # what a 304 carries (RFC 9110)
        assert revalidated[header] == full[header], header
    reads = [query["sql"] for query in queries.captured_queries if "api_storedrepresentation" in query["sql"]]
    assert len(reads) == 1 and "detail_json" not in reads[0] and "detail_gzip" not in reads[0], reads
    assert api_client.get(detail_url(provider), HTTP_IF_NONE_MATCH="*").status_code == 304
    stale = api_client.get(detail_url(provider), HTTP_ACCEPT_ENCODING=encoding, HTTP_IF_NONE_MATCH='"0123"')
    assert stale.status_code == 200 and stale.content == full.content and stale["ETag"] == full["ETag"]
    both = api_client.get(detail_url(provider), HTTP_IF_NONE_MATCH=full["ETag"], HTTP_IF_MATCH='"0123"')
    assert both.status_code == 412  # If-Match is tested first, as Django's precondition order says
