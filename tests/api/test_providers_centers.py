"""Clinicians and treatment centers: golden shapes, filters, ordering and ``near`` + ``radius_km``."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

from .golden import assert_matches_golden

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_clinician_detail_matches_golden(seed, api_client):
    response = api_client.get("/api/v1/providers/alex-spritzer/")
    assert response.status_code == 200
    data = response.json()
    assert data["display_name"] == "Alex Spritzer, FNP, CARN-AP, PMHNP"
    assert [c["code"] for c in data["credentials"]] == ["FNP", "CARN-AP", "PMHNP"]
    assert all("number" not in c for c in data["credentials"])
    assert data["articles_reviewed"] == [
        {
            "slug": "iop-for-depression",
            "title": "IOP for Depression: What to Expect and How It Works",
            "path": "/resources/iop-for-depression/",
        }
    ]
    assert data["json_ld"]["@type"] == "Person"
    assert data["json_ld"]["mainEntityOfPage"]["@type"] == "ProfilePage"
    assert len(data["json_ld"]["hasCredential"]) == 3
    assert_matches_golden("provider_detail_spritzer", data)


def test_clinician_centers_are_public_ones_only(seed, api_client):
    vines = api_client.get("/api/v1/providers/michael-vines/").json()
    assert [c["slug"] for c in vines["centers"]] == ["arizona-iop-phoenix"]
    draft = TreatmentCenterFactory(name="Draft Place", slug="draft-place", draft=True)
    ProviderFactory(name="Works Hidden", slug="works-hidden", centers=[draft])
    assert api_client.get("/api/v1/providers/works-hidden/").json()["centers"] == []


def test_center_detail_matches_golden(seed, api_client):
    response = api_client.get("/api/v1/centers/arizona-iop-phoenix/")
    assert response.status_code == 200
    data = response.json()
    assert data["programs"][0]["level_of_care"]["samhsa_code"] == "OIT"
    assert [row["day"] for row in data["hours"]] == ["monday", "tuesday", "wednesday", "thursday", "friday"]
    assert {s["slug"] for s in data["services"]} == {"dbt", "group-therapy"}
    assert data["json_ld"]["@type"] == "MedicalClinic"
    assert data["json_ld"]["address"]["addressLocality"] == "Phoenix"
    assert_matches_golden("center_detail_arizona_iop", data)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=medical", ["alex-spritzer", "michael-vines"]),
        ("category=clinical", ["natalie-foster"]),
        ("center=arizona-iop-phoenix", ["michael-vines"]),
        ("center=unknown-center", []),
        ("credential=LPC-S", ["natalie-foster"]),
        ("credential=md", ["michael-vines"]),
        ("search=Spritzer", ["alex-spritzer"]),
        ("ordering=-name", ["natalie-foster", "michael-vines", "alex-spritzer"]),
    ],
)
def test_provider_filters(seed, api_client, query, expected):
    result = slugs(api_client.get(f"/api/v1/providers/?{query}"))
    assert result == expected if "ordering" in query else sorted(result) == sorted(expected)


def test_provider_list_hides_drafts(seed, api_client):
    ProviderFactory(name="Draft Doc", slug="draft-doc", draft=True)
    assert "draft-doc" not in slugs(api_client.get("/api/v1/providers/?page_size=100"))


@pytest.fixture
def centers(db):
    return {
        "phoenix": TreatmentCenterFactory(
            name="Phoenix Center",
            slug="phoenix",
            latitude=Decimal("33.448400"),
            longitude=Decimal("-112.074000"),
            programs=["intensive-outpatient"],
            services=["dbt"],
            payers=["medicaid"],
            languages=["spanish"],
        ),
        "tempe": TreatmentCenterFactory(
            name="Tempe Center",
            slug="tempe",
            city="Tempe",
            latitude=Decimal("33.425500"),
            longitude=Decimal("-111.940000"),
            programs=["partial-hospitalization"],
            accepting_new_patients=False,
            populations=["adolescents"],
        ),
        "tucson": TreatmentCenterFactory(
            name="Tucson Center",
            slug="tucson",
            city="Tucson",
            latitude=Decimal("32.222600"),
            longitude=Decimal("-110.974700"),
        ),
        "denver": TreatmentCenterFactory(
            name="Denver Center",
            slug="denver",
            city="Denver",
            state="CO",
            latitude=Decimal("39.739200"),
            longitude=Decimal("-104.990300"),
        ),
        "draft": TreatmentCenterFactory(
            name="Draft Center",
            slug="draft-center",
            latitude=Decimal("33.448400"),
            longitude=Decimal("-112.074000"),
            draft=True,
        ),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=AZ", ["phoenix", "tempe", "tucson"]),
        ("state=co", ["denver"]),
        ("city=tempe", ["tempe"]),
        ("level_of_care=intensive-outpatient", ["phoenix"]),
        ("service=dbt", ["phoenix"]),
        ("payer=medicaid", ["phoenix"]),
        ("language=spanish", ["phoenix"]),
        ("population=adolescents", ["tempe"]),
        ("accepting_new_patients=false", ["tempe"]),
        ("accepting_new_patients=true", ["denver", "phoenix", "tucson"]),
        ("ordering=-name", ["tucson", "tempe", "phoenix", "denver"]),
        ("ordering=city", ["denver", "phoenix", "tempe", "tucson"]),
    ],
)
def test_center_filters_and_ordering(centers, api_client, query, expected):
    result = slugs(api_client.get(f"/api/v1/centers/?{query}"))
    assert result == expected


def test_near_sorts_by_distance_within_the_radius(centers, api_client):
    response = api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=200")
    results = response.json()["results"]
    assert [r["slug"] for r in results] == ["phoenix", "tempe", "tucson"]
    assert results[0]["distance_km"] == 0
    assert 12 < results[1]["distance_km"] < 14  # Phoenix–Tempe ≈ 12.7 km
    assert 160 < results[2]["distance_km"] < 175  # Phoenix–Tucson ≈ 165 km
    assert response.json()["count"] == 3


def test_radius_excludes_farther_centers_and_defaults_to_50_km(centers, api_client):
    assert slugs(api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=20")) == ["phoenix", "tempe"]
    assert slugs(api_client.get("/api/v1/centers/?near=33.4484,-112.0740")) == ["phoenix", "tempe"]
    assert slugs(api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=1")) == ["phoenix"]


def test_near_combines_with_filters_and_pagination(centers, api_client):
    assert slugs(
        api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=500&accepting_new_patients=true")
    ) == [
        "phoenix",
        "tucson",
    ]
    page2 = api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=500&page_size=1&page=2").json()
    assert [r["slug"] for r in page2["results"]] == ["tempe"]
    assert page2["count"] == 3


def test_center_list_matches_golden(centers, api_client):
    assert_matches_golden(
        "center_list_near_phoenix", api_client.get("/api/v1/centers/?near=33.4484,-112.0740&radius_km=200").json()
    )


def test_near_across_the_antimeridian(db, api_client):
    TreatmentCenterFactory(name="Fiji East", slug="east", latitude=Decimal("-17.8"), longitude=Decimal("179.9"))
    TreatmentCenterFactory(name="Fiji West", slug="west", latitude=Decimal("-17.8"), longitude=Decimal("-179.9"))
    assert sorted(slugs(api_client.get("/api/v1/centers/?near=-17.8,179.95&radius_km=50"))) == ["east", "west"]


def test_vocabularies(seed, api_client):
    levels = api_client.get("/api/v1/vocabularies/levels-of-care/?page_size=100").json()["results"]
    iop = next(term for term in levels if term["slug"] == "intensive-outpatient")
    assert (iop["samhsa_code"], iop["asam_level"]) == ("OIT", "2.1")
    topics = api_client.get("/api/v1/topics/?page_size=100").json()["results"]
    assert next(t for t in topics if t["slug"] == "depression")["shows_crisis_resources"] is True
    assert api_client.get("/api/v1/vocabularies/secrets/").status_code == 404
    languages = api_client.get("/api/v1/vocabularies/languages/").json()
    assert all("code" in term for term in languages["results"])


def test_credentials_vocabulary_lists_codes_the_provider_filter_accepts(seed, api_client):
    codes = {
        term["code"]: term
        for term in api_client.get("/api/v1/vocabularies/credentials/?page_size=100").json()["results"]
    }
    assert {"MD", "LPC-S", "CARN-AP"} <= set(codes)
    assert codes["LPC-S"]["slug"] == "LPC-S" and codes["LPC-S"]["kind"] in {
        "license",
        "designation",
        "certification",
        "degree",
    }
    assert slugs(api_client.get("/api/v1/providers/?credential=LPC-S")) == ["natalie-foster"]


def test_a_clinicians_reviewed_articles_are_the_most_recent_few(api_client, monkeypatch):
    import datetime

    from django.utils import timezone

    from tests import factories

    monkeypatch.setattr("api.representations.providers.REVIEWED_ARTICLES_SHOWN", 2)
    reviewer = factories.reviewer("clinical", ("LPC",), name="Many Reviews", slug="many-reviews")
    start = timezone.now() - datetime.timedelta(days=10)
    for day in range(3):
        factories.public_article(
            [reviewer], title=f"Reviewed {day}", slug=f"reviewed-{day}", at=start + datetime.timedelta(days=day)
        )
    listed = api_client.get("/api/v1/providers/many-reviews/").json()["articles_reviewed"]
    assert [article["slug"] for article in listed] == ["reviewed-2", "reviewed-1"]
