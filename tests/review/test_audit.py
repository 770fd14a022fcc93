"""The per-article sign-off audit record (CSV and printable page): what it says and who may read it."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from pages.review.forms import ATTESTATION_LABEL
from pages.review.hashing import revision_fingerprint
from providers.models import CredentialHolding
from providers.models.credentials import CREDENTIALING_GROUP
from tests import factories
from tests.factories.providers import days_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_article(medical_reviewer):
    verifier = factories.user(groups=(CREDENTIALING_GROUP,), username="cora", first_name="Cora", last_name="Reyes")
    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(
        verified_by=verifier, verified_on=days_ago(10), number="MD-1234", jurisdiction="AZ"
    )
    page = factories.published_article(medical_reviewer, title="Naloxone basics", slug="naloxone-basics")
    return page


def csv_rows(client, page) -> list[dict[str, str]]:
    response = client.get(reverse("review_signoff_audit_csv", args=[page.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_the_audit_record_says_who_approved_what_when_as_what(client, editor_user, signed_article):
    client.force_login(editor_user)
    history = client.get(reverse("review_signoff_history", args=[signed_article.pk])).content.decode()
    assert reverse("review_signoff_audit_csv", args=[signed_article.pk]) in history
    assert reverse("review_signoff_audit", args=[signed_article.pk]) in history

    [row] = csv_rows(client, signed_article)
    revision = signed_article.live_revision
    assert row["Revision"] == str(revision.pk)
    assert row["Content fingerprint (SHA-256)"] == revision_fingerprint(revision)
    assert row["Reviewer (as signed)"] == "Dr. Michael Vines, MD"
    assert row["Decision"] == "Approved" and row["Attested"] == "yes"
    assert row["Attestation"] == ATTESTATION_LABEL
    credentials = row["Credentials and verification in force"]
    assert "MD [AZ MD-1234]: active" in credentials
    assert (
        f"verified {days_ago(10).isoformat()} by Cora Reyes (primary_source; https://azbbhe.us/verify)" in credentials
    )

    page = client.get(reverse("review_signoff_audit", args=[signed_article.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Dr. Michael Vines, MD" in html and revision_fingerprint(revision) in html and "Cora Reyes" in html


def test_the_record_keeps_what_was_in_force_at_signing(client, editor_user, medical_reviewer, signed_article):
    CredentialHolding.objects.filter(provider__user=medical_reviewer).update(
        status="revoked", verified_by=None, verified_on=days_ago(0)
    )
    client.force_login(editor_user)
    [row] = csv_rows(client, signed_article)
    assert "active" in row["Credentials and verification in force"]
    assert "Cora Reyes" in row["Credentials and verification in force"]


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("editor", True), ("credentialing", True), ("reviewer_only", False), ("no_edit_rights", False)],
)
def test_who_may_read_the_audit_record(client, who, allowed, editor_user, clinical_reviewer, signed_article):
    users = {
        "editor": editor_user,
        "credentialing": factories.user(groups=(CREDENTIALING_GROUP,)),
        "reviewer_only": clinical_reviewer,
        "no_edit_rights": factories.user(groups=()),
    }
    client.force_login(users[who])
    for name in ("review_signoff_audit_csv", "review_signoff_audit"):
        response = client.get(reverse(name, args=[signed_article.pk]))
        assert (response.status_code == 200) is allowed, (name, response.status_code)
