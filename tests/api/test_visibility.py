"""Reliability P1–P10: hidden content answers exactly like absent content, on every read path."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.models import ArticlePage
from tests.factories import draft_article, public_article, rich
from tests.factories.pages import ArticleIndexPageFactory
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db

UNKNOWN = "/api/v1/articles/no-such-article/"


def assert_absent(client, page: ArticlePage, *, words: str | None = None) -> None:
    """Not in detail (same 404 as an unknown slug), list, count, search, routes or sitemap."""
    unknown = client.get(UNKNOWN)
    hidden = client.get(f"/api/v1/articles/{page.slug}/")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.json() == unknown.json()
    listing = client.get("/api/v1/articles/?page_size=100").json()
    assert page.slug not in [item["slug"] for item in listing["results"]]
    assert listing["count"] == len(listing["results"])
    term = words or page.title.split()[0]
    search = client.get(f"/api/v1/search/?q={term}").json()
    assert page.slug not in [item["slug"] for item in search["results"] if item["type"] == "article"]
    listing_search = client.get(f"/api/v1/articles/?search={term}").json()
    assert page.slug not in [item["slug"] for item in listing_search["results"]]
    route = client.get(f"/api/v1/routes/?path=/resources/{page.slug}/")
    assert route.status_code == 404
    assert route.json() == client.get("/api/v1/routes/?path=/resources/no-such-article/").json()
    sitemap = client.get("/api/v1/sitemap/").json()
    assert f"/resources/{page.slug}/" not in [entry["path"] for entry in sitemap["urls"]]


def assert_present(client, page: ArticlePage) -> None:
    assert client.get(f"/api/v1/articles/{page.slug}/").status_code == 200


def test_p1_never_published_article_is_absent_everywhere(api_client):
    public_article(title="Visible Zebra", slug="visible-zebra")
    draft = draft_article(title="Secret Zebra", slug="secret-zebra")
    assert_absent(api_client, draft, words="Zebra")
    assert_present(api_client, ArticlePage.objects.get(slug="visible-zebra"))


def test_p2_newer_draft_and_pending_revisions_never_show(api_client):
    page = public_article(title="Live Title", slug="live-title")
    draft = page.get_latest_revision_as_object()
    draft.title = "Draft Title Platypus"
    draft.body = [("paragraph", rich("<p>Draft body platypus</p>"))]
    draft.save_revision()
    body = api_client.get("/api/v1/articles/live-title/").content.decode()
    assert "Live Title" in body
    assert "Platypus" not in body and "platypus" not in body
    for url in (
        "/api/v1/articles/",
        "/api/v1/search/?q=platypus",
        "/api/v1/articles/?search=platypus",
        "/api/v1/sitemap/",
    ):
        assert "latypus" not in api_client.get(url).content.decode(), url


def test_p3_unpublish_removes_it_from_every_path_and_the_cache(api_client, committed):
    page = public_article(title="Fleeting Walrus", slug="fleeting-walrus")
    assert_present(api_client, page)  # now cached
    assert api_client.get("/api/v1/sitemap/").status_code == 200
    with committed():
        ArticlePage.objects.get(pk=page.pk).unpublish()
    assert_absent(api_client, page, words="Walrus")


def test_p4_view_restricted_page_and_descendants_are_absent(api_client):
    private_index = ArticleIndexPageFactory(title="Staff", slug="staff")
    below = public_article(title="Restricted Heron", slug="restricted-heron", parent=private_index)
    itself = public_article(title="Locked Heron", slug="locked-heron")
    PageViewRestriction.objects.create(page=private_index, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=itself, restriction_type="login")
    assert_absent(api_client, below, words="Heron")
    assert_absent(api_client, itself, words="Heron")


def test_p5_expired_article_is_hidden_before_the_scheduler_runs(api_client):
    page = public_article(title="Expired Ibis", slug="expired-ibis")
    ArticlePage.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert ArticlePage.objects.get(pk=page.pk).live
    assert_absent(api_client, page, words="Ibis")


def test_p6_future_go_live_is_hidden(api_client):
    page = public_article(title="Future Jackal", slug="future-jackal")
    ArticlePage.objects.filter(pk=page.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=1))
    assert_absent(api_client, page, words="Jackal")


def test_p7_links_to_drafts_are_unwrapped_without_leaking_the_target(api_client):
    target = draft_article(title="Unreleased Kestrel", slug="unreleased-kestrel")
    public_target = public_article(title="Released", slug="released")
    page = public_article(
        title="Linking",
        slug="linking",
        body=[
            (
                "paragraph",
                rich(
                    f'<p>See <a linktype="page" id="{target.pk}">our plans</a> and '
                    f'<a linktype="page" id="{public_target.pk}">this</a>.</p>'
                ),
            ),
            ("call_to_action", {"primary": {"label": "Go", "kind": "page", "page": target}}),
        ],
    )
    response = api_client.get(f"/api/v1/articles/{page.slug}/")
    text = response.content.decode()
    assert "See our plans and" in text
    assert '<a href=\\"/resources/released/\\">this</a>' in text
    assert "unreleased-kestrel" not in text and "Kestrel" not in text
    assert [block["type"] for block in response.json()["body"]] == ["paragraph"]  # the CTA had no public target


def test_p8_draft_center_and_unpublished_provider_are_omitted_from_blocks(api_client):
    draft_center = TreatmentCenterFactory(name="Hidden Lynx Center", slug="hidden-lynx", draft=True)
    live_center = TreatmentCenterFactory(name="Open Center", slug="open-center")
    hidden_provider = ProviderFactory(name="Hidden Marten", slug="hidden-marten", draft=True)
    page = public_article(
        title="Embeds",
        slug="embeds",
        body=[
            ("treatment_centers", {"heading": "Centers", "centers": [draft_center, live_center], "state": ""}),
            ("program_spotlight", {"center": draft_center, "heading": "Spot", "body": rich("<p>x</p>")}),
            ("quote", {"quote": "Healing takes time.", "attribution": "A clinician", "provider": hidden_provider}),
        ],
    )
    data = api_client.get(f"/api/v1/articles/{page.slug}/").json()
    text = str(data)
    assert "Lynx" not in text and "hidden-lynx" not in text and "Marten" not in text
    centers = data["body"][0]["value"]["centers"]
    assert [center["slug"] for center in centers] == ["open-center"]
    assert [block["type"] for block in data["body"]] == ["treatment_centers", "quote"]
    assert data["body"][1]["value"]["provider"] is None
    assert api_client.get("/api/v1/centers/hidden-lynx/").json() == api_client.get("/api/v1/centers/nope/").json()
    assert api_client.get("/api/v1/providers/hidden-marten/").status_code == 404


@pytest.mark.parametrize("parameter", ["fields=owner,notes,email", "expand=user", "include=number"])
def test_p9_asking_for_internal_fields_is_refused(api_client, parameter):
    response = api_client.get(f"/api/v1/providers/?{parameter}")
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == parameter.split("=")[0]


def test_p9_private_license_numbers_and_accounts_are_never_exposed(api_client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("clinician-x", email="private@example.org", password="pw-pw-pw-pw")
    provider = ProviderFactory(name="Private Numbers", slug="private-numbers", credentials=["LPC"], user=user)
    holding = provider.credential_holdings.get()
    holding.number = "SECRET-123"
    holding.save()
    public = ProviderFactory(name="Public Numbers", slug="public-numbers", credentials=["LMSW"])
    for public_holding in public.credential_holdings.all():  # saved as the admin does (rebuilds the profile)
        public_holding.number, public_holding.number_is_public = "PUB-456", True
        public_holding.save()
    text = api_client.get("/api/v1/providers/private-numbers/").content.decode()
    assert "SECRET-123" not in text and "private@example.org" not in text and "clinician-x" not in text
    assert "PUB-456" in api_client.get("/api/v1/providers/public-numbers/").content.decode()
    assert "SECRET-123" not in api_client.get("/api/v1/providers/").content.decode()


def test_p10_live_revision_never_signed_off_is_not_public(api_client):
    page = public_article(title="Forced Narwhal", slug="forced-narwhal")
    page = ArticlePage.objects.get(pk=page.pk)
    page.summary = "Changed after sign-off."
    revision = page.save_revision()  # a new revision nobody signed off
    ArticlePage.objects.filter(pk=page.pk).update(live_revision=revision)
    assert_absent(api_client, page, words="Narwhal")
