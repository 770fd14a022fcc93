"""Stored representations: built in the change's transaction, rebuilt with what they embed, versioned, searchable."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from api.published import build, reads, rebuild
from api.published.models import StoredRepresentation
from pages.models import ArticlePage
from providers.models import CrisisResource, Topic, TreatmentCenter
from tests.factories import public_article
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def stored(kind: str, slug: str) -> StoredRepresentation | None:
    return StoredRepresentation.objects.filter(kind=kind, slug=slug).first()


def test_publish_writes_the_row_in_its_transaction_and_a_rollback_leaves_none(api_client):
    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        public_article(title="Rolled Back Otter", slug="rolled-back-otter")
        assert stored("article", "rolled-back-otter") is not None  # visible inside the transaction
        assert api_client.get("/api/v1/articles/rolled-back-otter/").status_code == 200
        raise Abort
    assert stored("article", "rolled-back-otter") is None
    assert api_client.get("/api/v1/articles/rolled-back-otter/").status_code == 404


def test_detail_is_the_stored_bytes(api_client):
    public_article(title="Stored Bytes", slug="stored-bytes")
    response = api_client.get("/api/v1/articles/stored-bytes/")
    assert response.content == bytes(stored("article", "stored-bytes").detail_json)


def test_unpublish_and_delete_remove_the_row(api_client, committed):
    page = public_article(title="Short Lived", slug="short-lived")
    with committed():
        ArticlePage.objects.get(pk=page.pk).unpublish()
    assert stored("article", "short-lived") is None
    center = TreatmentCenterFactory(slug="gone-center")
    assert stored("center", "gone-center") is not None
    center.delete()
    assert stored("center", "gone-center") is None
    assert api_client.get("/api/v1/centers/gone-center/").status_code == 404


def test_center_change_rebuilds_the_articles_that_show_it(api_client):
    center = TreatmentCenterFactory(name="Old Name Center", slug="renamed-center")
    public_article(
        title="Shows A Center",
        slug="shows-a-center",
        body=[("treatment_centers", {"heading": "Where", "centers": [center], "state": ""})],
    )
    center = TreatmentCenter.objects.get(pk=center.pk)
    center.name = "New Name Center"
    center.save_revision().publish()
    body = api_client.get("/api/v1/articles/shows-a-center/").json()["body"]
    assert body[0]["value"]["centers"][0]["name"] == "New Name Center"
    center.unpublish()
    data = api_client.get("/api/v1/articles/shows-a-center/").json()
    assert "renamed-center" not in str(data)
    assert api_client.get("/api/v1/articles/?center=renamed-center").json()["count"] == 0


def test_clinician_change_rebuilds_quotes_and_the_provider_filter(api_client):
    clinician = ProviderFactory(name="Quoted Person", slug="quoted-person", credentials=["LPC"])
    public_article(
        title="Has A Quote",
        slug="has-a-quote",
        body=[("quote", {"quote": "Take it slowly.", "attribution": "", "provider": clinician})],
    )
    clinician.name = "Renamed Person"
    clinician.save_revision().publish()
    quote = api_client.get("/api/v1/articles/has-a-quote/").json()["body"][0]["value"]
    assert quote["provider"]["name"] == "Renamed Person"
    clinician.unpublish()
    quote = api_client.get("/api/v1/articles/has-a-quote/").json()["body"][0]["value"]
    assert quote["provider"] is None


def test_vocabulary_and_crisis_changes_rebuild_dependents(api_client):
    public_article(title="About Depression", slug="about-depression", topics=["depression"])
    topic = Topic.objects.get(slug="depression")
    topic.name = "Major depression"
    topic.shows_crisis_resources = True
    topic.save()
    data = api_client.get("/api/v1/articles/about-depression/").json()
    assert data["topics"][0]["name"] == "Major depression"
    crisis = CrisisResource.objects.public().first()
    assert crisis is not None and data["crisis_resources"]
    crisis.name = "Renamed Lifeline"
    crisis.save()
    data = api_client.get("/api/v1/articles/about-depression/").json()
    assert "Renamed Lifeline" in [line["name"] for line in data["crisis_resources"]]
    listed = api_client.get("/api/v1/articles/?topic=depression").json()
    assert [item["topics"][0]["name"] for item in listed["results"]] == ["Major depression"]


def _served_then_tampered(api_client, slug: str, **columns) -> None:
    """Publish ``slug``, serve it once (so nothing is left pending for this connection to rebuild), then change
    its stored row behind the product's back: only the freshness rule can now make a read rebuild it."""
    public_article(title=slug.title(), slug=slug)
    assert api_client.get(f"/api/v1/articles/{slug}/").status_code == 200
    stale = {"detail_json": b'{"old":true}', "detail_gzip": b"", "summary_json": b'{"old":true}'}
    StoredRepresentation.objects.filter(slug=slug).update(**stale, **columns)


def _served_fresh(api_client, slug: str) -> None:
    assert "old" not in api_client.get(f"/api/v1/articles/{slug}/").json()
    assert api_client.get("/api/v1/articles/").json()["results"][0]["slug"] == slug


def test_an_older_representation_version_is_rebuilt_before_it_is_served(api_client):
    _served_then_tampered(api_client, "versioned", representation_version=build.REPRESENTATION_VERSION - 1)
    _served_fresh(api_client, "versioned")
    assert stored("article", "versioned").representation_version == build.REPRESENTATION_VERSION
    StoredRepresentation.objects.filter(slug="versioned").update(representation_version=0, summary_json=b'{"old":1}')
    assert api_client.get("/api/v1/articles/").json()["results"][0]["slug"] == "versioned"  # the list rebuilds too


def test_a_row_past_valid_until_is_rebuilt_on_read(api_client):
    _served_then_tampered(api_client, "calendar", valid_until=timezone.now() - datetime.timedelta(days=1))
    _served_fresh(api_client, "calendar")
    assert stored("article", "calendar").valid_until > timezone.now()


def test_a_row_built_with_other_url_settings_is_rebuilt_on_read(api_client, settings):
    _served_then_tampered(api_client, "relocated")
    settings.FRONTEND_BASE_URL = "https://relocated.example.org"
    _served_fresh(api_client, "relocated")
    assert stored("article", "relocated").build_key == build.build_key()
    assert "https://relocated.example.org/" in api_client.get("/api/v1/articles/relocated/").content.decode()


@pytest.mark.parametrize(
    "stale",
    [
        {"representation_version": build.REPRESENTATION_VERSION - 1},
        {"valid_until": timezone.now() - datetime.timedelta(days=1)},
        {"build_key": "0123456789abcdef"},
    ],
    ids=["older version", "past valid_until", "other URL settings"],
)
def test_search_rebuilds_a_stale_result_before_it_is_served(api_client, stale):
    """Search shows stored summaries too: the freshness rule holds there as in details and lists."""
    _served_then_tampered(api_client, "stale-pelican", **stale)
    response = api_client.get("/api/v1/search/?q=pelican")  # the first read after tampering is the search
    assert response.status_code == 200
    assert [result["slug"] for result in response.json()["results"]] == ["stale-pelican"]
    assert stored("article", "stale-pelican").summary_json != b'{"old":true}'


def test_rebuild_command_is_idempotent_and_restores_missing_rows(api_client):
    public_article(title="Commanded", slug="commanded")
    TreatmentCenterFactory(slug="commanded-center")
    hashes = dict(StoredRepresentation.objects.values_list("slug", "content_hash"))
    StoredRepresentation.objects.filter(slug="commanded").delete()
    out = io.StringIO()
    call_command("rebuild_representations", "--no-progress", stdout=out)
    assert "article: 1 rebuilt (1 changed), 0 removed" in out.getvalue()
    assert dict(StoredRepresentation.objects.values_list("slug", "content_hash")) == hashes
    out = io.StringIO()
    call_command("rebuild_representations", "--kind", "article", "--no-progress", stdout=out)
    assert out.getvalue().strip() == "article: 1 rebuilt (0 changed), 0 removed"
    assert api_client.get("/api/v1/articles/commanded/").status_code == 200


def test_search_finds_a_title_on_the_first_request_after_commit(api_client, committed):
    assert api_client.get("/api/v1/search/?q=Quokka").json()["count"] == 0
    with committed():
        public_article(title="Quokka Wellness Guide", slug="quokka-wellness")
    results = api_client.get("/api/v1/search/?q=Quokka").json()["results"]
    assert [(result["type"], result["slug"]) for result in results] == [("article", "quokka-wellness")]
    assert api_client.get("/api/v1/articles/?search=quokka").json()["count"] == 1


def test_search_ignores_accents_and_stems(api_client):
    public_article(title="Café anxiety programs", slug="cafe-anxiety")
    slugs = [result["slug"] for result in api_client.get("/api/v1/search/?q=cafe program").json()["results"]]
    assert "cafe-anxiety" in slugs


def test_scheduled_expiry_is_announced_in_the_change_feed(api_client, committed):
    page = public_article(title="Expiring Puffin", slug="expiring-puffin")
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert api_client.get("/api/v1/articles/expiring-puffin/").status_code == 404  # hidden before the run
    with committed():
        call_command("publish_scheduled", stdout=io.StringIO())
    events = api_client.get("/api/v1/changes/").json()["results"]
    assert [(event["type"], event["slug"]) for event in events][-1] == ("article.unpublished", "expiring-puffin")
    assert stored("article", "expiring-puffin") is None


def test_rebuild_of_a_hidden_object_removes_its_row():
    page = public_article(title="Hidden Later", slug="hidden-later")
    ArticlePage.objects.filter(pk=page.pk).update(live=False)
    assert reads.published("article").filter(slug="hidden-later").count() == 0  # read-time guard
    rebuild.rebuild("article", page.pk)
    assert stored("article", "hidden-later") is None


def test_search_in_the_browsable_api_does_not_fail(api_client, monkeypatch):
    from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer

    from api.resources.search import SearchView

    monkeypatch.setattr(SearchView, "renderer_classes", [JSONRenderer, BrowsableAPIRenderer])
    public_article(title="Browsable Heron", slug="browsable-heron")
    response = api_client.get("/api/v1/search/?q=heron", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert "browsable-heron" in response.content.decode()


@pytest.mark.parametrize(
    "value", ["2025-01-01T00:00:00+16:00", "2025-01-01T00:00:00-23:59", "0001-01-01T00:00:00+01:00"]
)
def test_updated_since_out_of_range_is_a_400_naming_it(api_client, value):
    response = api_client.get("/api/v1/articles/", {"updated_since": value})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "updated_since"


@pytest.mark.postgres
def test_the_search_query_is_a_constant_when_planned(api_client):
    """The tsquery must be folded into a constant at plan time (verity_unaccent is IMMUTABLE): built once per
    statement, and visible to the planner, which then walks the recency index for common words. A STABLE
    unaccent() inline would be rebuilt per row; wrapped in a scalar subquery it hides the words from the planner."""
    from django.db import connection

    from api.published.search import match_sql

    condition, params, rank, rank_params = match_sql(["heron", "crane"], "en")
    with connection.cursor() as cursor:
        cursor.execute("SELECT provolatile FROM pg_proc WHERE proname = 'verity_unaccent'")
        assert cursor.fetchone() == ("i",)
        cursor.execute(
            f"EXPLAIN (VERBOSE) SELECT {rank} FROM api_storedrepresentation WHERE {condition}", [*rank_params, *params]
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    constant = "'''heron'' | ''crane'''::tsquery"  # the folded query, as EXPLAIN quotes it
    assert plan.count(constant) >= 2, plan  # in the match (a bitmap scan shows it twice) and in the rank
    assert "InitPlan" not in plan and "websearch_to_tsquery" not in plan, plan
