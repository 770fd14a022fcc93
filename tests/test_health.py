"""Liveness and readiness probes."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_reports_a_reachable_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_readyz_answers_503_json_while_the_database_is_unreachable_and_recovers(client):
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"  # nothing listens there: a real refused connection
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response["Retry-After"] == "5"
        assert response.json()["status"] == "unavailable"
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert client.get("/readyz").status_code == 200
