"""A frontend's use of the generated Python client (openapi-python-client), run against a served app.

Usage: python check.py BASE_URL PREVIEW_TOKEN (with the generated ``verity_client`` package importable).
Asserts that each body block is parsed into its own variant class — not the first class whose other fields fit.
"""

from __future__ import annotations

import json
import sys

from verity_client import Client
from verity_client.api.articles import articles_list, articles_retrieve
from verity_client.api.centers import centers_list, centers_retrieve
from verity_client.api.preview import preview_retrieve
from verity_client.api.providers import providers_retrieve
from verity_client.api.routes import routes_retrieve
from verity_client.api.search import search_list
from verity_client.models import (
    ArticleDetail,
    CallToActionBlock,
    CenterDetail,
    ContentRoute,
    FaqBlock,
    HeadingBlock,
    ImageBlock,
    ListBlock,
    ListingRoute,
    ParagraphBlock,
    ProgramSpotlightBlock,
    ProviderDetail,
    QuoteBlock,
    StatisticBlock,
    TreatmentCentersBlock,
)

VARIANTS = {
    "heading": HeadingBlock,
    "paragraph": ParagraphBlock,
    "list": ListBlock,
    "call_to_action": CallToActionBlock,
    "statistic": StatisticBlock,
    "treatment_centers": TreatmentCentersBlock,
    "program_spotlight": ProgramSpotlightBlock,
    "faq": FaqBlock,
    "quote": QuoteBlock,
    "image": ImageBlock,
}
SEED_CTA_LABELS = {
    "Start personalized outpatient care",
    "Get support that fits you",
    "Explore outpatient rehab options",
    "Start a treatment program today",
    "Begin structured mental health care",
    "Find an intensive outpatient program",
    "Talk to an outpatient specialist",
    "Learn your treatment options",
    "Start recovery with Arizona IOP",
    "Your healing can begin today",
}


def main(base_url: str, token: str) -> None:
    client = Client(base_url=base_url, raise_on_unexpected_status=True)

    listing = articles_list.sync(client=client, page_size=5)
    assert listing is not None and any(item.slug == "iop-for-depression" for item in listing.results)

    response = articles_retrieve.sync_detailed(slug="iop-for-depression", client=client)
    article = response.parsed
    assert isinstance(article, ArticleDetail), type(article)
    raw_body = json.loads(response.content)["body"]
    assert len(raw_body) == len(article.body)
    for raw, block in zip(raw_body, article.body, strict=True):
        expected = VARIANTS[raw["type"]]
        assert type(block) is expected, f"{raw['type']} block parsed as {type(block).__name__}"
        assert block.type_ == raw["type"]
    kinds = sorted({raw["type"] for raw in raw_body})
    labels = set()
    for block in article.body:
        if isinstance(block, CallToActionBlock):
            labels.add(block.value.primary.label)
            if block.value.secondary is not None:
                labels.add(block.value.secondary.label)
    assert labels >= SEED_CTA_LABELS, SEED_CTA_LABELS - labels
    assert article.hero_image is not None and article.hero_image.renditions.thumbnail is not None

    reviewer = article.byline.medical_providers[0]
    clinician = providers_retrieve.sync(slug=reviewer.slug, client=client)
    assert isinstance(clinician, ProviderDetail) and clinician.credentials

    near = centers_list.sync(client=client, near="33.45,-112.07", radius_km=100.0)
    assert near is not None and near.results and isinstance(near.results[0].distance_km, float)
    center = centers_retrieve.sync(slug=near.results[0].slug, client=client)
    assert isinstance(center, CenterDetail) and center.contacts and center.accreditations

    found = search_list.sync(client=client, q="depression")
    assert found is not None and any(result.slug == "iop-for-depression" for result in found.results)

    index = routes_retrieve.sync(client=client, path="/resources/")
    assert isinstance(index, ListingRoute) and index.type_ == "article_index", index
    route = routes_retrieve.sync(client=client, path=article.path)
    assert isinstance(route, ContentRoute) and route.slug == article.slug, route

    preview = preview_retrieve.sync(client=client, token=token)
    assert isinstance(preview, ArticleDetail) and preview.slug == article.slug, type(preview)

    print(
        f"Python client: {listing.count} articles; {len(article.body)} blocks, each its own class ({', '.join(kinds)});"
        f" {len(labels)} CTA labels; {clinician.display_name}; {near.count} centers near Phoenix "
        f"({len(center.contacts)} contacts, {len(center.accreditations)} accreditations); {found.count} search "
        f"results; routes ok; preview {preview.review_status}"
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
