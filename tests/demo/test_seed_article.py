"""The demo article reproduces the seed faithfully, with its statistic, centers, spotlight, byline and dates."""

from __future__ import annotations

import datetime
import html
import re
from pathlib import Path

import pytest
from django.utils.html import strip_tags

from pages.blocks import ArticleBodyBlock
from pages.models import ArticlePage
from pages.review.models import ArticleStamps
from pages.review.stamps import stamps_representation
from pages.review.visibility import public_articles
from providers.models import Provider, TreatmentCenter

pytestmark = pytest.mark.django_db

SEED = Path(__file__).parent / "seed" / "iop-for-depression.txt"
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "iop-for-depression.txt"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def seed_parts() -> tuple[str, list[str], list[str], str]:
    """(title, byline lines, body lines, last-updated line) of the seed."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    stamp_at = next(i for i, line in enumerate(lines) if line.startswith("Last Updated:"))
    return lines[0], lines[1:stamp_at], lines[stamp_at + 1 :], lines[stamp_at]


def seed_sentences() -> list[str]:
    """Every sentence of the seed's body (bullets without their markers), in order."""
    _, _, body, _ = seed_parts()
    sentences = []
    for line in body:
        line = normalise(line.lstrip("•").strip())
        sentences.extend(part for part in re.split(r"(?<=[.!?:])\s+", line) if part)
    return sentences


def block_text(block) -> str:
    value, kind = block.value, block.block_type
    if kind == "heading":
        return value["text"]
    if kind == "paragraph":
        return strip_tags(value.source)
    if kind == "list":
        return " ".join(strip_tags(item.source) for item in value["items"])
    if kind == "call_to_action":
        return " ".join(action["label"] for action in (value["primary"], value["secondary"]) if action["label"])
    if kind == "statistic":
        return f"{value['value']} {value['text']}"
    if kind == "treatment_centers":
        return value["heading"]
    if kind == "program_spotlight":
        return " ".join([value["heading"], strip_tags(value["body"].source), value["action"]["label"] or ""])
    raise AssertionError(f"unexpected block {kind}")


@pytest.fixture
def article(demo) -> ArticlePage:
    return ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")


def test_fixture_seed_matches_the_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip("shared/seed is not beside this checkout")
    assert SEED.read_text(encoding="utf-8") == SHARED_SEED.read_text(encoding="utf-8")


def test_every_seed_sentence_appears_in_the_article_in_order(article):
    title, _, _, _ = seed_parts()
    assert article.title == title
    text = normalise(" ".join(block_text(block) for block in article.body))
    position = 0
    for sentence in seed_sentences():
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)
    assert len(seed_sentences()) >= 70  # the whole body was checked, not an empty split


def test_seed_structure_maps_to_blocks(article):
    _, _, body, _ = seed_parts()
    headings = [block.value["text"] for block in article.body if block.block_type == "heading"]
    assert headings == [
        "What an IOP for Depression Really Is",
        "How an Intensive Outpatient Program Works",
        "What to Expect During Your First Week",
        "Types of Therapy You May Experience",
        "How IOPs Support Daily Life",
        "Who IOP for Depression Works Best For",
        "How to Know if You Need a Higher Level of Care",
    ]
    assert all(block.value["level"] == "2" for block in article.body if block.block_type == "heading")
    bullets = [strip_tags(item.source) for b in article.body if b.block_type == "list" for item in b.value["items"]]
    assert bullets == [normalise(line.lstrip("•")) for line in body if line.startswith("•")]
    ctas = [b.value for b in article.body if b.block_type == "call_to_action"]
    assert [f"{cta['primary']['label']} {cta['secondary']['label']}" for cta in ctas] == [
        "Start personalized outpatient care Get support that fits you",
        "Explore outpatient rehab options Start a treatment program today",
        "Begin structured mental health care Find an intensive outpatient program",
        "Talk to an outpatient specialist Learn your treatment options",
        "Start recovery with Arizona IOP Your healing can begin today",
    ]
    kinds = {cta["primary"]["kind"] for cta in ctas} | {cta["secondary"]["kind"] for cta in ctas}
    assert kinds == {"intake", "center_locator", "phone", "page"}
    page_action = next(cta["secondary"] for cta in ctas if cta["secondary"]["kind"] == "page")
    assert page_action["page"].specific.slug == "resources"


def test_the_body_passes_every_block_rule(article):
    ArticleBodyBlock().clean(article.body)  # raises on any invalid block
    article.full_clean()  # includes the citation check against references


def test_statistic_cites_the_nimh_reference_and_the_sentence_stays_in_the_text(article):
    paragraph = strip_tags(article.body[0].value.source)
    assert "about 21 million adults in the U.S.—around 8.3% of all adults—experience" in paragraph
    statistic = article.body[1]
    assert statistic.block_type == "statistic"
    assert statistic.value["value"] == "21 million" and list(statistic.value["citations"]) == [1]
    reference = article.references.get()
    assert (reference.title, reference.publisher, reference.url, reference.accessed_on) == (
        "Major Depression",
        "National Institute of Mental Health",
        "https://www.nimh.nih.gov/health/statistics/major-depression",
        datetime.date(2025, 12, 20),
    )


def test_treatment_centers_and_spotlight_use_the_sample_centers(article):
    centers_block = next(b for b in article.body if b.block_type == "treatment_centers")
    assert centers_block.value["heading"] == "Our Treatment Centers"
    assert {c.pk for c in centers_block.value["centers"]} == set(TreatmentCenter.objects.values_list("pk", flat=True))
    spotlight = next(b for b in article.body if b.block_type == "program_spotlight")
    assert spotlight.value["heading"] == "Choosing the Right Program: Arizona IOP"
    assert spotlight.value["center"].is_sample_listing
    assert "first-party" in ArticleBodyBlock().child_blocks["program_spotlight"].get_description().lower()


def test_classification(article):
    assert list(article.topics.values_list("slug", flat=True)) == ["depression"]
    assert list(article.levels_of_care.values_list("slug", flat=True)) == ["intensive-outpatient"]


def test_byline_and_dates_are_derived_as_the_seed_shows_them(article):
    _, byline_lines, _, last_updated_line = seed_parts()
    stamps = stamps_representation(ArticleStamps.objects.get(page=article))
    byline = stamps["byline"]
    medical = [entry["display_name"] for entry in byline["medical_providers"]]
    clinical = [entry["display_name"] for entry in byline["clinical_providers"]]
    assert ["Medical Providers:", *medical, "Clinical Providers:", *clinical] == byline_lines
    assert {entry["signed_off"] for entry in byline["medical_providers"] + byline["clinical_providers"]} == {
        "2025-12-22"
    }
    last_updated = datetime.date.fromisoformat(stamps["last_updated"])
    assert f"Last Updated: {last_updated:%B} {last_updated.day}, {last_updated.year}" == last_updated_line
    assert stamps["first_published"] == "2025-06-02"
    assert stamps["last_reviewed"] == "2025-12-22"


def test_display_names_render_from_credentials(demo):
    names = {p.slug: (p.display_name, p.category) for p in Provider.objects.all()}
    assert names == {
        "michael-vines": ("Dr. Michael Vines, MD", "medical"),
        "alex-spritzer": ("Alex Spritzer, FNP, CARN-AP, PMHNP", "medical"),
        "natalie-foster": ("Natalie Foster, LPC-S, MS", "clinical"),
    }


def test_the_demo_article_is_public(article):
    assert list(public_articles().values_list("slug", "locale__language_code")) == [
        ("iop-for-depression", "en"),
        ("iop-for-depression", "es"),  # the demo translation, signed off on its own
    ]
