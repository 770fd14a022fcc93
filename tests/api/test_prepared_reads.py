"""Hot reads are prepared statements on PostgreSQL, planned once, and see the database's clock on every run
(api.published.prepared)."""

from __future__ import annotations

import datetime
import time

import pytest
from django.db import connection
from django.utils import timezone

from pages.models import ArticlePage
from tests.factories import public_article

pytestmark = pytest.mark.django_db

DETAIL, LIST = "/api/v1/articles/prepared-egret/", "/api/v1/articles/?page_size=2"
RUNS = 7  # more than the five custom plans PostgreSQL tries before it may settle on a generic one


def prepared_statements() -> list[tuple[str, int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s ORDER BY statement",
            ["%api_storedrepresentation%"],
        )
        return cursor.fetchall()


def read_both(client) -> tuple[bytes, bytes]:
    detail, listing = client.get(DETAIL), client.get(LIST)
    assert detail.status_code == listing.status_code == 200
    return detail.content, listing.content


@pytest.mark.postgres
def test_a_detail_and_a_list_are_each_one_statement_planned_once(api_client):
    public_article(title="Prepared Egret", slug="prepared-egret")
    for _ in range(RUNS):
        read_both(api_client)
    statements = prepared_statements()
    assert len(statements) == 2  # one per query shape, not one per request
    for statement, generic_plans, custom_plans in statements:
        assert "STATEMENT_TIMESTAMP()" in statement  # now is the database's, not a parameter
        assert (generic_plans, custom_plans) == (RUNS, 0)


@pytest.mark.postgres
@pytest.mark.parametrize("turn_off", ["DB_PREPARED_STATEMENTS=false", "DB_CONN_MAX_AGE=0"])
def test_turned_off_nothing_is_prepared_and_the_answers_are_the_same(api_client, settings, monkeypatch, turn_off):
    public_article(title="Prepared Egret", slug="prepared-egret")
    prepared = read_both(api_client)
    assert prepared_statements()
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its statements too
    if turn_off == "DB_PREPARED_STATEMENTS=false":
        settings.DB_PREPARED_STATEMENTS = False
    else:  # a connection closed after every request gains nothing from preparing
        monkeypatch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
    assert read_both(api_client) == prepared
    assert prepared_statements() == []


def test_every_run_reads_the_clock_anew(api_client):
    leaving = public_article(title="Leaving Egret", slug="leaving-egret")
    arriving = public_article(title="Arriving Egret", slug="arriving-egret")
    soon = timezone.now() + datetime.timedelta(seconds=1)
    ArticlePage.objects.filter(pk=leaving.pk).update(expire_at=soon)
    ArticlePage.objects.filter(pk=arriving.pk).update(go_live_at=soon)

    def shown() -> set[str]:
        details = {
            slug
            for slug in ("leaving-egret", "arriving-egret")
            if api_client.get(f"/api/v1/articles/{slug}/").status_code == 200
        }
        listed = {item["slug"] for item in api_client.get("/api/v1/articles/?page_size=50").json()["results"]}
        assert details == listed & {"leaving-egret", "arriving-egret"}
        return details

    for _ in range(RUNS):
        assert shown() == {"leaving-egret"}
    time.sleep(max(0.0, (soon - timezone.now()).total_seconds()) + 0.05)
    assert shown() == {"arriving-egret"}
