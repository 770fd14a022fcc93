"""Database faults (R1, R2): a lost or unreachable PostgreSQL gives 503 JSON and the app recovers by itself."""

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.http import JsonResponse
from django.urls import include, path

from cms import urls as cms_urls

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _count_users(request):
    from django.contrib.auth import get_user_model

    return JsonResponse({"users": get_user_model().objects.count()})


urlpatterns = [
    path("api/v1/users-count/", _count_users),
    path("admin-probe/", _count_users),
    path("", include("cms.urls")),
]
handler404 = cms_urls.handler404
handler500 = cms_urls.handler500


@pytest.fixture
def fault_urls(settings):
    settings.ROOT_URLCONF = __name__
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 60  # persistent, health-checked connections as in production


def terminate_backend(pid: int) -> None:
    """Kill the server process behind the app's connection, as a PostgreSQL restart would."""
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"), dbname=params["dbname"]
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_in_flight_request_on_a_killed_connection_gets_503_json_and_the_next_one_recovers(client, fault_urls):
    client.raise_request_exception = False  # the 503 comes from handler500, as in production
    assert client.get("/api/v1/users-count/").status_code == 200
    connection.ensure_connection()
    terminate_backend(connection.connection.info.backend_pid)
    response = client.get("/api/v1/users-count/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert response.json()["error"]["code"] == "service_unavailable"
    assert client.get("/api/v1/users-count/").json() == {"users": 0}


def test_health_check_at_request_start_replaces_a_killed_connection_transparently(client, fault_urls):
    assert client.get("/api/v1/users-count/").status_code == 200
    connection.ensure_connection()
    terminate_backend(connection.connection.info.backend_pid)
    # What Django's request_started handler does in production (the test client disconnects it).
    close_old_connections()
    response = client.get("/api/v1/users-count/")
    assert response.status_code == 200, response.content


def test_unreachable_database_gives_503_json_with_retry_after_then_recovers(client, fault_urls):
    client.raise_request_exception = False
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens: every connection attempt is refused
    try:
        for url in ("/api/v1/users-count/", "/admin-probe/"):
            response = client.get(url)
            assert response.status_code == 503
            assert response["Retry-After"] == "5"
            assert response.json()["error"]["code"] == "service_unavailable"
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert client.get("/api/v1/users-count/").status_code == 200
