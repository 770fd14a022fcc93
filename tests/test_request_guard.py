"""What the API guard does before any response, cached or built: host check, size limits, the rate limit on the
real client address (L1, L2), JSON errors for every ``Accept`` (Q11), and bounded work on hostile input (Q10)."""

from __future__ import annotations

import logging
import socket
import time

import pytest

from api.caching.throttling import client_address, parse_rate, throttle_wait
from api.middleware import MAX_HEADER_FIELD_BYTES, validate_headers, validate_host, validate_raw_request
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db


def assert_error_shape(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    return error


@pytest.fixture
def provider():
    return ProviderFactory(name="Alex Spritzer", publish=True)


# --- Host header: checked before the response cache ---------------------------------------------------------


def test_a_foreign_host_is_a_json_400_both_built_and_cached(client, provider):
    url = "/api/v1/sitemap/"  # served from the response store once built
    assert_error_shape(client.get(url, HTTP_HOST="evil.test"), 400, "invalid_host")  # uncached
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Cache"] == "hit"

    assert_error_shape(client.get(url, HTTP_HOST="evil.test"), 400, "invalid_host")  # cached


# --- JSON errors whatever the Accept header, browsable API included ----------------------------------------


@pytest.fixture(params=["json-only", "browsable"])
def renderers(request, settings):
    classes = ["rest_framework.renderers.JSONRenderer"]
    if request.param == "browsable":
        classes.append("rest_framework.renderers.BrowsableAPIRenderer")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_RENDERER_CLASSES": classes}
    return request.param


@pytest.mark.parametrize("accept", ["text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "*/*", "image/png"])
@pytest.mark.parametrize(
    "url, status, code",
    [
        ("/api/v1/articles/?page=abc", 400, "invalid_parameter"),
        ("/api/v1/articles/no-such-article/", 404, "not_found"),
        ("/api/v1/preview/?token=nope", 401, "invalid_token"),
        ("/api/v1/no-such-endpoint/", 404, "not_found"),
    ],
)
def test_client_errors_are_json_for_every_accept_header(client, renderers, accept, url, status, code):
    assert_error_shape(client.get(url, HTTP_ACCEPT=accept), status, code)


@pytest.mark.parametrize("accept", ["text/html", "*/*"])
def test_write_methods_are_a_json_405_for_every_accept_header(client, renderers, accept):
    assert_error_shape(client.post("/api/v1/articles/", {}, HTTP_ACCEPT=accept), 405, "method_not_allowed")


# --- The app's own size limits answer JSON (below the server's limits) ----------------------------------------


def test_an_oversized_header_is_a_json_431(client):
    response = client.get("/api/v1/articles/", HTTP_X_PADDING="a" * (MAX_HEADER_FIELD_BYTES + 1))
    assert_error_shape(response, 431, "headers_too_large")
    assert client.get("/api/v1/articles/", HTTP_X_PADDING="a" * 100).status_code == 200


def test_an_overlong_url_is_a_json_414(client):
    assert_error_shape(client.get("/api/v1/articles/", {"q": "a" * 5000}), 414, "uri_too_long")


# --- Rate limit on the real client address (L1, L2) ----------------------------------------------------------


def test_the_rate_is_one_fixed_window_counter_per_client(client, settings):
    settings.API_THROTTLE_RATE = "3/day"
    statuses = [client.get("/api/v1/topics/").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    throttled = client.get("/api/v1/topics/")
    assert_error_shape(throttled, 429, "throttled")
    assert 1 <= int(throttled["Retry-After"]) <= 86400


def test_a_forged_forwarded_for_header_changes_nothing_without_trusted_proxies(client, settings):
    settings.API_THROTTLE_RATE = "5/day"
    statuses = [
        client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code for number in range(20)
    ]
    assert statuses.count(200) == 5 and statuses.count(429) == 15


def test_behind_one_trusted_proxy_each_real_client_has_its_own_bucket(client, settings):
    settings.API_THROTTLE_RATE = "2/day"
    settings.TRUSTED_PROXY_COUNT = 1

    def get(real_client: str, forged: str = "198.51.100.7") -> int:
        # The proxy appends the address it saw; whatever the client sent stays to the left.
        return client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR=f"{forged}, {real_client}").status_code

    assert [get("203.0.113.1", forged=f"10.0.0.{n}") for n in range(4)] == [200, 200, 429, 429]
    assert [get("203.0.113.2") for _ in range(3)] == [200, 200, 429]


@pytest.mark.parametrize(
    "trusted, header, expected",
    [
        (0, "203.0.113.9", "127.0.0.1"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "1.1.1.1, 203.0.113.9", "203.0.113.9"),
        (2, "1.1.1.1, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (2, "203.0.113.9", "127.0.0.1"),  # fewer hops than trusted proxies: not from them
        (1, "not-an-address", "127.0.0.1"),
        (1, "2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"),
        (1, "::ffff:203.0.113.9", "203.0.113.9"),
    ],
)
def test_client_address(rf, settings, trusted, header, expected):
    settings.TRUSTED_PROXY_COUNT = trusted
    assert client_address(rf.get("/api/v1/", HTTP_X_FORWARDED_FOR=header, REMOTE_ADDR="127.0.0.1")) == expected


def test_a_busy_client_is_counted_one_lease_at_a_time(rf, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from api.caching.models import RequestCounter
    from api.caching.throttling import MAX_LEASE

    settings.API_THROTTLE_RATE = "100000/day"  # lease: MAX_LEASE requests per round trip
    request = rf.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.44")
    with CaptureQueriesContext(connection) as queries:
        for _ in range(4 * MAX_LEASE):
            assert throttle_wait(request) is None
    statements = [query["sql"] for query in queries.captured_queries if "SAVEPOINT" not in query["sql"]]
    assert len(statements) == 4, statements  # one upsert per lease, whatever the count (savepoint: test txn)
    window = int(time.time() // 86400)
    (counter,) = RequestCounter.objects.filter(key__endswith=f"api:throttle:v2:192.0.2.44:86400:{window}")
    assert counter.count == 4 * MAX_LEASE


def test_processes_holding_leases_never_admit_more_than_the_rate(rf, settings, monkeypatch):
    from api.caching import throttling

    settings.API_THROTTLE_RATE = "200/day"  # lease of 4
    assert throttling.lease_size(throttling.parse_rate("200/day")) == 4
    processes = [throttling.Leases() for _ in range(3)]
    request = rf.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.46")
    admitted = 0
    for number in range(600):
        monkeypatch.setattr(throttling, "LEASES", processes[number % 3])  # round-robin, as a load balancer
        admitted += throttle_wait(request) is None
    assert 200 - 3 * 3 <= admitted <= 200  # never over; early by at most P × (lease - 1)


def test_with_redis_a_count_is_one_pipelined_round_trip(rf, settings):
    import redis

    url = "redis://127.0.0.1:6379/3"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {url}")
    prefix = f"verity-test-{time.time_ns()}"
    settings.CACHES = {
        "default": {"BACKEND": "api.caching.backends.FailOpenRedisCache", "LOCATION": url, "KEY_PREFIX": prefix}
    }
    settings.API_THROTTLE_RATE = "3/day"
    request = rf.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.45")
    assert [throttle_wait(request) for _ in range(3)] == [None, None, None]
    assert throttle_wait(request) >= 1
    client = redis.Redis.from_url(url)
    (key,) = client.keys(f"{prefix}:*")
    assert int(client.get(key)) == 4 and 0 < client.ttl(key) <= 86401
    client.delete(key)


def test_with_the_cache_unreachable_the_throttle_fails_open_and_logs_once(client, settings, caplog):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {"BACKEND": "api.caching.backends.FailOpenRedisCache", "LOCATION": f"redis://127.0.0.1:{port}/2"}
    }
    settings.API_THROTTLE_RATE = "1/day"
    with caplog.at_level(logging.WARNING, logger="api.caching"):
        statuses = [client.get("/api/v1/topics/").status_code for _ in range(5)]
    assert statuses == [200] * 5
    outage_lines = [record for record in caplog.records if "unavailable" in record.getMessage()]
    assert len(outage_lines) == 1  # rate-limited logging


def test_rate_format():
    assert parse_rate("600/min").requests == 600 and parse_rate("600/min").seconds == 60
    assert parse_rate("off") is None
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        parse_rate("many/min")


# --- Q10: pathological 10,000-character input to every validator and parser in the guard ----------------------

PATHOLOGICAL = [
    "a" * 10_000 + "!",
    "(" * 5_000 + ")" * 5_000,
    "[{" * 5_000,
    "%" * 10_000,
    "%e2%82" * 1_700,
    "-" * 9_999 + "x",
    "/a" * 5_000 + "%21",
    ",".join(["1.1.1.1"] * 1_250),
    ", " * 5_000,
    "::" * 5_000,
    "\u0301" * 10_000,
]


@pytest.mark.parametrize("payload", PATHOLOGICAL, ids=lambda value: f"{value[:6]!r}x{len(value)}")
def test_guard_validators_and_parsers_stay_fast_on_pathological_input(rf, settings, payload):
    settings.TRUSTED_PROXY_COUNT = 3
    requests = [
        rf.get("/api/v1/routes/", {"path": payload}),
        rf.get("/api/v1/articles/", QUERY_STRING=payload),
        rf.get("/api/v1/articles/", QUERY_STRING="&".join([payload[:40]] * 60)),
        rf.get("/api/v1/articles/", HTTP_X_FORWARDED_FOR=payload, HTTP_HOST=payload[:5000]),
        rf.get("/api/v1/articles/", HTTP_X_ANYTHING=payload),
    ]
    for request in requests:
        started = time.perf_counter()
        validate_host(request)
        validate_headers(request)
        validate_raw_request(request)
        client_address(request)
        throttle_wait(request)
        assert time.perf_counter() - started < 0.25
    started = time.perf_counter()
    for candidate in (payload, payload[:100]):
        with pytest.raises(Exception):  # noqa: B017 - any refusal; only the time matters here
            parse_rate(candidate)
    assert time.perf_counter() - started < 0.25
