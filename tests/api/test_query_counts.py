"""Pinned query counts: reads are lookups of stored representations (detail: 1 query; list: count + page).

Each test warms up once (renditions get generated, content types cached), empties the response cache so the
view really runs, then pins the count. Shared metadata that is computed once per article publish and reused by
every response (the next scheduled visibility change) is re-warmed after emptying, and pinned separately. The response cache is a per-process cache here so that only the view's
own queries are counted (plus the one tag-version read before each build); a cached hit costs exactly one query.
"""

from __future__ import annotations

import pytest

from api.caching.store import build_stamp, next_visibility_change
from tests.factories import every_block_body, image, public_article
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db

# List sizes compared: the same pinned count for both proves it is constant in the page size (an N+1 query
# would add 4 queries between them). 6 rather than 20: each article is a full signed publish (~0.5 s).
MANY = [2, 6]


def count(client, cache, url: str, expected: int, django_assert_num_queries) -> dict:
    """``expected`` queries for the view's own reads. Stored details, lists and search are nothing else; the
    response store's endpoints add the tag-version stamp read before building (api.caching)."""
    warm = client.get(url)
    assert warm.status_code == 200, warm.content
    cache.clear()
    next_visibility_change()  # shared across response-store entries; recomputed once per article publish
    stamp = 0 if warm["X-Cache"] == "stored" else 1
    with django_assert_num_queries(expected + stamp):
        response = client.get(url)
    assert response.status_code == 200
    return response.json()


def test_article_detail_with_every_block_type(api_client, locmem_cache, django_assert_num_queries):
    center = TreatmentCenterFactory(programs=["intensive-outpatient"])
    provider = ProviderFactory(credentials=["LPC-S", "MS"])
    linked = public_article(title="Linked", slug="linked")
    picture = image()
    public_article(
        title="Everything",
        slug="everything",
        topics=["depression", "anxiety"],
        levels_of_care=["intensive-outpatient"],
        hero_image=image("Hero"),
        og_image=image("Share"),
        body=every_block_body(center, provider, linked, picture),
    )
    # 1 the stored row by slug, joined to its page (live on the same revision, inside its go-live/expiry window)
    data = count(api_client, locmem_cache, "/api/v1/articles/everything/", 1, django_assert_num_queries)
    assert [block["type"] for block in data["body"]] == [
        "heading", "paragraph", "list", "call_to_action", "statistic", "treatment_centers", "treatment_centers",
        "program_spotlight", "faq", "quote", "image",
    ]  # fmt: skip
    assert data["body"][9]["value"]["provider"]["display_name"] == provider.display_name
    assert data["body"][10]["value"]["image"]["renditions"]["thumbnail"]["width"] > 0
    assert 'src="https://cms.example.com/media/images/' in data["body"][1]["value"]
    assert data["hero_image"]["url"].startswith("https://cms.example.com/")


def test_seed_article_detail(seed, api_client, locmem_cache, django_assert_num_queries):
    # 1 the stored row joined to its page
    count(api_client, locmem_cache, "/api/v1/articles/iop-for-depression/", 1, django_assert_num_queries)


@pytest.mark.parametrize("items", MANY)
def test_article_list_is_constant_in_page_size(items, api_client, locmem_cache, django_assert_num_queries):
    for number in range(items):
        public_article(
            title=f"Listed {number}", slug=f"listed-{number}", topics=["depression"], levels_of_care=["intensive-outpatient"],
            hero_image=image(f"Hero {number}"),
        )  # fmt: skip
    # 1 count, 2 page of stored summaries (both joined to their pages for the read-time visibility check)
    data = count(api_client, locmem_cache, "/api/v1/articles/?page_size=100", 1, django_assert_num_queries)
    assert len(data["results"]) == items


@pytest.mark.parametrize("items", MANY)
def test_filtered_article_list(items, seed, api_client, locmem_cache, django_assert_num_queries):
    for number in range(items):
        public_article(title=f"Depression {number}", slug=f"depression-{number}", topics=["depression"])
    url = "/api/v1/articles/?topic=depression&provider=michael-vines&search=depression&ordering=title"
    # 1 count, 2 page: facets (topic, provider) as EXISTS subqueries, full-text match inline
    count(api_client, locmem_cache, url, 1, django_assert_num_queries)


@pytest.mark.parametrize("items", MANY)
def test_provider_list(items, api_client, locmem_cache, django_assert_num_queries):
    for number in range(items):
        ProviderFactory(name=f"Clinician {number:02}", credentials=["LPC-S", "MS"], photo=image(f"P{number}"))
    # 1 count, 2 page of stored summaries
    data = count(api_client, locmem_cache, "/api/v1/providers/?page_size=100", 1, django_assert_num_queries)
    assert len(data["results"]) == items


def test_provider_detail(seed, api_client, locmem_cache, django_assert_num_queries):
    provider = seed["providers"]["vines"]
    provider.photo = image("Vines")
    provider.bio = f'<p>Reviews <a linktype="page" id="{seed["support"].pk}">our guides</a>.</p>'
    provider.save()
    # 1 the stored row by slug
    data = count(api_client, locmem_cache, "/api/v1/providers/michael-vines/", 1, django_assert_num_queries)
    assert 'href="/resources/levels-of-care/"' in data["bio"]


@pytest.mark.parametrize("items", MANY)
def test_center_list(items, api_client, locmem_cache, django_assert_num_queries):
    for _ in range(items):
        TreatmentCenterFactory(programs=["intensive-outpatient", "partial-hospitalization"])
    # 1 count, 2 page of stored summaries
    data = count(api_client, locmem_cache, "/api/v1/centers/?page_size=100", 1, django_assert_num_queries)
    assert len(data["results"]) == items
    # near: 1 stored rows in the bounding box (the circle, the order and the count are computed from them)
    count(api_client, locmem_cache, "/api/v1/centers/?near=33.5,-112.07&radius_km=100", 1, django_assert_num_queries)


def test_center_detail(seed, api_client, locmem_cache, django_assert_num_queries):
    # 1 the stored row by slug
    count(api_client, locmem_cache, "/api/v1/centers/arizona-iop-phoenix/", 1, django_assert_num_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/providers/michael-vines/?locale=es",
        "/api/v1/centers/arizona-iop-phoenix/?locale=es",
        "/api/v1/providers/?locale=es",
        "/api/v1/vocabularies/topics/?locale=es",  # labels in Spanish: correlated lookups inside the one query
    ],
)
def test_spanish_reads_cost_what_english_ones_do(seed, url, api_client, locmem_cache, django_assert_num_queries):
    # 1 the stored row in that locale (clinicians and centers have one per locale), or the one list query
    count(api_client, locmem_cache, url, 1, django_assert_num_queries)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/api/v1/topics/", 1),  # the page with its total (COUNT(*) OVER ())
        ("/api/v1/vocabularies/levels-of-care/", 1),
        ("/api/v1/routes/?path=/resources/iop-for-depression/", 1),  # stored article row by frontend path
        ("/api/v1/sitemap/", 1),  # stored rows of every kind (articles joined to their pages)
        # per type (three): one statement ranking the newest matching candidates (kept in the response store)
        ("/api/v1/search/?q=depression", 3),
    ],
)
def test_discovery_endpoints(seed, api_client, locmem_cache, django_assert_num_queries, url, expected):
    count(api_client, locmem_cache, url, expected, django_assert_num_queries)


def test_cached_response_costs_one_query(seed, api_client, locmem_cache, django_assert_num_queries):
    api_client.get("/api/v1/sitemap/")
    with django_assert_num_queries(1):  # the tag versions confirm the entry is current
        assert api_client.get("/api/v1/sitemap/")["X-Cache"] == "hit"


def test_next_visibility_change_costs_one_query_once_per_article_publish(locmem_cache, django_assert_num_queries):
    public_article(title="Any")
    locmem_cache.clear()
    stamp = build_stamp()  # read by the middleware before every build anyway
    with django_assert_num_queries(1):  # MIN(expire_at), MIN(go_live_at) over live articles
        next_visibility_change(stamp)
    with django_assert_num_queries(0):  # every later response reuses it from the cache while `articles` is unchanged
        next_visibility_change(stamp)
