"""Derived stamps: only substantive changes move "last updated"; the byline lists exactly the signers."""

from __future__ import annotations

import datetime

import pytest

from pages.models import ArticlePage
from pages.review.models import ArticleStamps
from pages.review.services import publish_signed
from pages.review.stamps import add_months, byline_representation, recompute, stamps_representation
from providers.models import CredentialHolding
from tests import factories

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(day: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(day).replace(hour=15, tzinfo=UTC)


def sign_and_publish(page, reviewers, day: str, **changes):
    revision = factories.edit(page, **changes) if changes else page.get_latest_revision()
    for reviewer in reviewers:
        factories.sign(revision, reviewer, at=at(day))
    publish_signed(revision, at=at(day))
    return revision


def stamps_of(page) -> dict:
    return stamps_representation(ArticleStamps.objects.get(page=page), today=datetime.date(2026, 1, 10))


def test_first_publication_sets_every_stamp(medical_reviewer):
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-06-02")
    stamps = stamps_of(page)
    assert stamps["first_published"] == "2025-06-02"
    assert stamps["last_updated"] == "2025-06-02"
    assert stamps["last_reviewed"] == "2025-06-02"
    assert stamps["next_review_due"] == "2026-06-02"


def test_substantive_change_moves_last_updated_and_minor_does_not(medical_reviewer):
    page = factories.draft_article(text="v1")
    sign_and_publish(page, [medical_reviewer], "2025-06-02")
    sign_and_publish(page, [medical_reviewer], "2025-12-22", text="v2", change_kind="substantive")
    assert stamps_of(page)["last_updated"] == "2025-12-22"

    sign_and_publish(page, [medical_reviewer], "2026-01-05", text="v2, typo fixed", change_kind="minor")
    stamps = stamps_of(page)
    assert stamps["last_updated"] == "2025-12-22"
    assert stamps["last_reviewed"] == "2026-01-05"  # the minor change was still reviewed
    assert stamps["first_published"] == "2025-06-02"


def test_republishing_identical_content_does_not_move_last_updated(medical_reviewer):
    page = factories.draft_article(text="v1")
    sign_and_publish(page, [medical_reviewer], "2025-06-02")
    same = factories.edit(page, change_kind="substantive")
    publish_signed(same, at=at("2025-09-01"))
    assert stamps_of(page)["last_updated"] == "2025-06-02"


def test_byline_lists_exactly_the_signers_of_the_live_content(medical_reviewer, clinical_reviewer):
    other_medical = factories.reviewer(
        "medical", ("FNP", "CARN-AP", "PMHNP"), name="Alex Spritzer", slug="alex-spritzer"
    )
    bystander = factories.reviewer("medical", ("MD",), name="Not A Signer", slug="not-a-signer")
    page = factories.draft_article(text="v1")
    sign_and_publish(page, [bystander], "2025-06-02")  # signed v1 only
    sign_and_publish(page, [medical_reviewer, other_medical, clinical_reviewer], "2025-12-22", text="v2")

    byline = stamps_of(page)["byline"]
    assert [(e["slug"], e["display_name"], e["signed_off"]) for e in byline["medical_providers"]] == [
        ("michael-vines", "Dr. Michael Vines, MD", "2025-12-22"),
        ("alex-spritzer", "Alex Spritzer, FNP, CARN-AP, PMHNP", "2025-12-22"),
    ]
    assert [e["display_name"] for e in byline["clinical_providers"]] == ["Natalie Foster, LPC-S, MS"]


def test_a_signer_whose_profile_is_unpublished_stays_named_but_unlinked(
    medical_reviewer, django_capture_on_commit_callbacks
):
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-12-22")
    provider = medical_reviewer.provider
    with django_capture_on_commit_callbacks(execute=True):
        provider.unpublish()

    (entry,) = stamps_of(page)["byline"]["medical_providers"]
    assert (entry["slug"], entry["display_name"]) == (None, "Dr. Michael Vines, MD")


def test_a_signer_of_an_unpublished_draft_is_not_on_the_byline(medical_reviewer, clinical_reviewer):
    page = factories.draft_article(text="v1")
    sign_and_publish(page, [medical_reviewer], "2025-06-02")
    draft = factories.edit(page, text="v2 awaiting publication")
    factories.sign(draft, clinical_reviewer, at=at("2025-07-01"))
    byline = stamps_of(page)["byline"]
    assert [e["slug"] for e in byline["medical_providers"]] == ["michael-vines"]
    assert byline["clinical_providers"] == []


def test_byline_uses_the_credential_snapshot_and_flags_expired_credentials(medical_reviewer):
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-12-22")
    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(expires_on=datetime.date(2026, 1, 1))
    recompute(page)
    byline = byline_representation(ArticleStamps.objects.get(page=page), today=datetime.date(2026, 1, 10))
    entry = byline["medical_providers"][0]
    assert entry["display_name"] == "Dr. Michael Vines, MD"  # as it stood at sign-off
    assert entry["credentials_current"] is False  # W5: existing bylines flag it


def test_review_status_follows_the_calendar(medical_reviewer, settings):
    settings.REVIEW_DUE_SOON_DAYS = 30
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-01-15")
    stamps = ArticleStamps.objects.get(page=page)
    assert stamps.next_review_due == datetime.date(2026, 1, 15)
    assert stamps.review_status(datetime.date(2025, 11, 1)) == "current"
    assert stamps.review_status(datetime.date(2026, 1, 1)) == "due"
    assert stamps.review_status(datetime.date(2026, 1, 16)) == "overdue"


def test_cadence_is_configurable(medical_reviewer, settings):
    settings.REVIEW_CADENCE_MONTHS = 6
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-08-31")
    assert ArticleStamps.objects.get(page=page).next_review_due == datetime.date(2026, 2, 28)


def test_unpublish_clears_the_byline(medical_reviewer):
    page = factories.draft_article()
    sign_and_publish(page, [medical_reviewer], "2025-12-22")
    ArticlePage.objects.get(pk=page.pk).unpublish()
    stamps = stamps_of(page)
    assert stamps["byline"]["medical_providers"] == []
    assert stamps["last_reviewed"] is None
    assert stamps["first_published"] == "2025-12-22"


def test_add_months_clamps_to_month_end():
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2025, 12, 22), 12) == datetime.date(2026, 12, 22)
    assert add_months(datetime.date(2025, 11, 30), 3) == datetime.date(2026, 2, 28)


def test_stamps_have_no_editable_fields():
    editable = [field.name for field in ArticleStamps._meta.get_fields() if getattr(field, "editable", False)]
    assert editable == ["page"] or editable == []
