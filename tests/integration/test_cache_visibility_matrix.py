"""P11: visibility (P1-P6) identical to a fresh build, whatever happens to the response cache.

The same scenario (:mod:`tests.integration.visibility_scenario`) runs four ways:

* the database cache with ``MAX_ENTRIES=5``: culling throws away most keys all the time;
* the cache cleared before every request;
* Redis unreachable (a closed port): every answer comes from PostgreSQL, with 200s;
* two server processes sharing Redis, while this test process publishes (another process): the new state is
  served by both on the next request.
"""

from __future__ import annotations

import socket

import pytest
from django.core.cache import cache

from tests.integration import visibility_scenario


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def in_process_reader(api_client, before_each=None):
    def read(path: str) -> list[tuple[int, str]]:
        if before_each is not None:
            before_each()
        response = api_client.get(path)
        return [(response.status_code, response.content.decode())]

    return read


@pytest.mark.django_db
def test_visibility_holds_with_a_database_cache_of_five_entries(api_client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "api.caching.backends.FailOpenDatabaseCache",
            "LOCATION": "verity_cache",
            "OPTIONS": {"MAX_ENTRIES": 5, "CULL_FREQUENCY": 2},
        }
    }
    visibility_scenario.run(in_process_reader(api_client))


@pytest.mark.django_db
def test_visibility_holds_with_the_cache_cleared_before_every_request(api_client):
    visibility_scenario.run(in_process_reader(api_client, before_each=cache.clear))


@pytest.fixture
def unreachable_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "api.caching.backends.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/2",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.mark.django_db
def test_visibility_holds_with_redis_unreachable(api_client, unreachable_redis):
    visibility_scenario.run(in_process_reader(api_client))


@pytest.mark.django_db
def test_with_redis_unreachable_the_api_answers_from_the_database_and_readyz_is_degraded(
    api_client, client, unreachable_redis
):
    from tests.factories import public_article

    article = public_article(title="Served without Redis")
    served = {"/api/v1/articles/": "stored", f"/api/v1/articles/{article.slug}/": "stored", "/api/v1/sitemap/": "miss"}
    for path, how in served.items():
        for _ in range(2):
            response = api_client.get(path)
            assert response.status_code == 200, path
            assert response["X-Cache"] == how  # stored rows need no cache; the response store keeps nothing
    assert article.slug in api_client.get("/api/v1/articles/").content.decode()

    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_visibility_holds_across_two_server_processes(api_servers):
    """Publishes commit in this test process; both servers answer the new state on their next request."""
    visibility_scenario.run(api_servers.read)


@pytest.fixture
def api_servers(tmp_path, transactional_db):
    from tests.integration.servers import SERVER_PORTS, Servers, delete_redis_keys, server_environment

    env = server_environment()
    servers = Servers(SERVER_PORTS)
    try:
        servers.start(env, tmp_path)
        yield servers
    finally:
        servers.stop()
        delete_redis_keys(env["REDIS_URL"], env["CACHE_KEY_PREFIX"])
