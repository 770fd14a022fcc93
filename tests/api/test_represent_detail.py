"""``represent_detail`` on unsaved revision objects (what the preview endpoint renders)."""

from __future__ import annotations

import pytest

from api.representations import represent_detail
from pages.models import ArticlePage
from tests.factories import draft_article, rich
from tests.factories.providers import ProviderFactory, TreatmentCenterFactory

pytestmark = pytest.mark.django_db


def test_draft_article_revision_renders_the_draft_with_public_references_only(seed):
    hidden_center = TreatmentCenterFactory(name="Unlisted Place", slug="unlisted-place", draft=True)
    page = ArticlePage.objects.get(pk=seed["article"].pk)
    draft = page.get_latest_revision_as_object()
    draft.title = "Draft headline"
    draft.body = [
        ("paragraph", rich(f'<p>See <a linktype="page" id="{seed["support"].pk}">support</a>.</p>')),
        ("treatment_centers", {"heading": "Centers", "centers": [hidden_center, seed["center"]], "state": ""}),
    ]
    revision = draft.save_revision()
    data = represent_detail(revision.as_object())
    assert data["title"] == "Draft headline"
    assert data["topics"] == [{"slug": "depression", "name": "Depression"}]
    assert data["crisis_resources"]
    assert '<a href="/resources/levels-of-care/">support</a>' in data["body"][0]["value"]
    assert [c["slug"] for c in data["body"][1]["value"]["centers"]] == ["arizona-iop-phoenix"]
    assert data["references"][0]["number"] == 1
    assert data["byline"]["medical_providers"]  # the live article's stamps


def test_never_published_article_revision_renders():
    page = draft_article(title="Brand new", slug="brand-new", topics=["anxiety"])
    data = represent_detail(page.get_latest_revision().as_object())
    assert data["title"] == "Brand new"
    assert data["path"] == "/resources/brand-new/"
    assert data["last_reviewed"] is None and data["review_status"] == "not_reviewed"


def test_provider_and_center_revisions_render():
    provider = ProviderFactory(name="Preview Person", slug="preview-person", credentials=["LPC-S"], draft=True)
    provider.job_title = "Therapist (draft)"
    data = represent_detail(provider.save_revision().as_object())
    assert data["job_title"] == "Therapist (draft)"
    assert data["display_name"] == "Preview Person, LPC-S"
    center = TreatmentCenterFactory(
        name="Preview Place", slug="preview-place", services=["dbt"], hours=True, draft=True
    )
    center.name = "Preview Place (draft)"
    data = represent_detail(center.save_revision().as_object())
    assert data["name"] == "Preview Place (draft)"
    assert [s["slug"] for s in data["services"]] == ["dbt"]
    assert len(data["hours"]) == 5


def test_other_objects_are_refused():
    with pytest.raises(TypeError):
        represent_detail(object())
