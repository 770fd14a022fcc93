"""The demo article's live revision carries the seed's three sign-offs, so its byline and stamps match the seed."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from pages.models import ArticlePage
from pages.review.models import ArticleStamps, SignOff
from pages.review.stamps import stamps_representation
from pages.review.visibility import public_articles

pytestmark = pytest.mark.django_db


def test_demo_article_stamps_match_the_seed():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    signoffs = SignOff.objects.filter(page=article, revision=article.live_revision)
    assert signoffs.count() == 3 and {s.decision for s in signoffs} == {"approved"}
    assert {timezone_date(s.signed_at) for s in signoffs} == {"2025-12-22"}

    stamps = stamps_representation(ArticleStamps.objects.get(page=article), today=datetime.date(2026, 1, 5))
    assert stamps["last_updated"] == "2025-12-22"
    assert stamps["last_reviewed"] == "2025-12-22"
    assert stamps["next_review_due"] == "2026-12-22"
    assert stamps["review_status"] == "current"
    byline = stamps["byline"]
    assert [e["display_name"] for e in byline["medical_providers"]] == [
        "Dr. Michael Vines, MD",
        "Alex Spritzer, FNP, CARN-AP, PMHNP",
    ]
    assert [e["display_name"] for e in byline["clinical_providers"]] == ["Natalie Foster, LPC-S, MS"]
    assert all(e["signed_off"] == "2025-12-22" for e in byline["medical_providers"] + byline["clinical_providers"])
    assert list(public_articles().filter(locale=article.locale)) == [article]  # and its Spanish translation
    assert set(byline["medical_providers"][0]) == {"slug", "name", "display_name", "signed_off", "credentials_current"}
    assert byline["medical_providers"][0]["slug"] == "michael-vines"
    assert byline["credentials_last_verified"] is not None
    assert stamps["first_published"] < stamps["last_updated"]


def timezone_date(moment: datetime.datetime) -> str:
    from django.utils import timezone

    return timezone.localdate(moment).isoformat()
