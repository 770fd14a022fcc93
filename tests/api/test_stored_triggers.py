"""The database keeps stored rows true to the pages and counts them (api.published.triggers).

Visibility is read from the stored row alone, so the page trigger must follow every page change, raw ``UPDATE``
included; an unfiltered list's ``count`` comes from the trigger-kept row count, so it must equal the rows."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from api.published import triggers
from api.published.models import StoredRepresentation, StoredRowCount
from api.published.reads import hidden_arms, hidden_q, public_rows, visible_q
from pages.models import ArticlePage
from tests.factories import public_article

pytestmark = pytest.mark.django_db


def listed_count(client, query: str = "") -> int:
    return client.get(f"/api/v1/articles/?page_size=1{query}").json()["count"]


def real_count() -> int:
    return public_rows("article", "en").count()


def test_the_triggers_are_installed_after_migrate():
    assert triggers.installed() == triggers.expected(connection.vendor)
    assert len(triggers.expected(connection.vendor)) >= 3


def test_install_restores_dropped_triggers_and_recounts():
    public_article(title="Counted Heron", slug="counted-heron")
    with connection.cursor() as cursor:
        for name in triggers.installed():
            table = "wagtailcore_page" if name == "api_stored_follow_page" else "api_storedrepresentation"
            cursor.execute(f"DROP TRIGGER {name}" + (f" ON {table}" if connection.vendor == "postgresql" else ""))
    StoredRowCount.objects.update(count=999)
    assert triggers.installed() == set()
    triggers.install()
    assert triggers.installed() == triggers.expected(connection.vendor)
    assert (
        StoredRowCount.objects.get(kind="article", locale="en").count
        == StoredRepresentation.objects.filter(kind="article", locale="en").count()
    )


def test_unfiltered_list_count_follows_publish_unpublish_delete_and_raw_updates(api_client):
    pages = [public_article(title=f"Counted Ibis {n}", slug=f"counted-ibis-{n}") for n in range(4)]
    assert listed_count(api_client) == real_count() >= 4
    ArticlePage.objects.get(pk=pages[0].pk).unpublish()
    assert listed_count(api_client) == real_count()
    ArticlePage.objects.get(pk=pages[1].pk).delete()
    assert listed_count(api_client) == real_count()
    before = real_count()
    ArticlePage.objects.filter(pk=pages[2].pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert listed_count(api_client) == real_count() == before - 1
    ArticlePage.objects.filter(pk=pages[3].pk).update(live=False)  # forced in by the database
    assert listed_count(api_client) == real_count() == before - 2
    ArticlePage.objects.filter(pk=pages[2].pk).update(expire_at=None)
    assert listed_count(api_client) == real_count() == before - 1
    assert listed_count(api_client, "&ordering=title") == real_count()
    assert (
        api_client.get("/api/v1/articles/?locale=es&page_size=1").json()["count"]
        == public_rows("article", "es").count()
    )


def test_a_filtered_list_counts_its_own_rows(api_client):
    public_article(title="Counted Owl", slug="counted-owl")
    listing = api_client.get("/api/v1/articles/?search=Owl&page_size=100").json()
    assert listing["count"] == len(listing["results"]) == 1


def test_the_page_trigger_copies_the_window_and_live_state():
    page = public_article(title="Followed Crane", slug="followed-crane")
    later = timezone.now() + datetime.timedelta(days=2)
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=later)
    row = StoredRepresentation.objects.get(kind="article", object_id=page.pk)
    assert (row.page_live, row.go_live_at) == (True, later)
    ArticlePage.objects.filter(pk=page.pk).update(live_revision=None)
    assert not StoredRepresentation.objects.get(pk=row.pk).page_live


def test_hidden_q_is_exactly_what_visible_q_leaves_out():
    pages = [public_article(title=f"Window Stork {n}", slug=f"window-stork-{n}") for n in range(4)]
    now = timezone.now()
    ArticlePage.objects.filter(pk=pages[0].pk).update(go_live_at=now + datetime.timedelta(hours=1))
    ArticlePage.objects.filter(pk=pages[1].pk).update(expire_at=now - datetime.timedelta(hours=1))
    ArticlePage.objects.filter(pk=pages[2].pk).update(live=False)
    ArticlePage.objects.filter(pk=pages[3].pk).update(live=False, go_live_at=now + datetime.timedelta(hours=1))
    rows = StoredRepresentation.objects.all()
    visible = set(rows.filter(visible_q("article", now)).values_list("pk", flat=True))
    hidden = set(rows.filter(hidden_q(now)).values_list("pk", flat=True))
    assert visible.isdisjoint(hidden)
    assert visible | hidden == set(rows.values_list("pk", flat=True))
    assert len(hidden) == 4
    arms = [set(rows.filter(arm).values_list("pk", flat=True)) for arm in hidden_arms(now)]
    assert sum(len(arm) for arm in arms) == len(hidden)  # disjoint: counted apart, no row counts twice


@pytest.mark.parametrize("ordering", ["", "&ordering=title", "&ordering=-title"])
def test_the_prepared_whole_list_pages_through_the_public_rows_in_order(api_client, ordering):
    for n in range(5):
        public_article(title=f"Paged Egret {n}", slug=f"paged-egret-{n}")
    ArticlePage.objects.filter(slug="paged-egret-2").update(live=False)
    seen, url = [], f"/api/v1/articles/?page_size=2{ordering}"
    while url:
        page = api_client.get(url).json()
        assert page["count"] == real_count()
        seen += [item["slug"] for item in page["results"]]
        url = page["next"]
    order = {"": ("-last_updated", "-object_id"), "&ordering=title": ("title", "object_id")}.get(
        ordering, ("-title", "-object_id")
    )
    assert seen == list(public_rows("article", "en").order_by(*order).values_list("slug", flat=True))
    assert "paged-egret-2" not in seen and "paged-egret-3" in seen
    assert api_client.get(f"/api/v1/articles/?page_size=2&page=99{ordering}").status_code == 400


@pytest.mark.parametrize(
    "change",
    [
        {"live": False},
        {"live_revision": None},
        {"expire_at": timezone.now() - datetime.timedelta(minutes=1)},
        {"go_live_at": timezone.now() + datetime.timedelta(days=1)},
    ],
    ids=["not-live", "other-revision", "expired", "not-yet"],
)
def test_a_raw_page_change_makes_cached_search_routes_and_sitemap_stale(api_client, change):
    """Search, routes and the sitemap are kept in the response store; the page trigger moves the row's tags, so
    a change the product never saw (a raw ``UPDATE``) still drops the article from each at once."""
    page = public_article(title="Stale Heron", slug="stale-heron")
    urls = ["/api/v1/search/?q=Heron", "/api/v1/routes/?path=/resources/stale-heron/", "/api/v1/sitemap/"]
    for url in urls:
        api_client.get(url)
        cached = api_client.get(url)
        assert cached["X-Cache"] == "hit" and b"stale-heron" in cached.content, url

    ArticlePage.objects.filter(pk=page.pk).update(**change)

    for url in urls:
        response = api_client.get(url)
        assert response.get("X-Cache") != "hit" and b"stale-heron" not in response.content, url
