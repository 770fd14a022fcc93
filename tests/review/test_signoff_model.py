"""Sign-offs are immutable audit records."""

from __future__ import annotations

import pytest

from pages.review.hashing import content_hash
from pages.review.models import SignOff, SignOffImmutableError
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def signoff(medical_reviewer):
    page = factories.draft_article()
    return factories.sign(page.get_latest_revision(), medical_reviewer, note="Fine.")


def test_sign_off_binds_revision_hash_role_and_snapshot(signoff):
    assert signoff.content_hash == content_hash(signoff.revision.content)
    assert signoff.role == "medical"
    assert signoff.credentials["holdings"][0]["code"] == "MD"
    assert signoff.credentials["holdings"][0]["verified_on"]


def test_sign_off_cannot_be_changed(signoff):
    signoff.note = "Edited later."
    with pytest.raises(SignOffImmutableError):
        signoff.save()
    with pytest.raises(SignOffImmutableError):
        SignOff.objects.filter(pk=signoff.pk).update(note="Edited later.")
    assert SignOff.objects.get(pk=signoff.pk).note == "Fine."


def test_sign_off_cannot_be_deleted(signoff):
    with pytest.raises(SignOffImmutableError):
        signoff.delete()
    with pytest.raises(SignOffImmutableError):
        SignOff.objects.all().delete()
    assert SignOff.objects.filter(pk=signoff.pk).exists()


def test_approval_without_attestation_is_refused(medical_reviewer):
    page = factories.draft_article()
    with pytest.raises(ValueError, match="attestation"):
        factories.sign(page.get_latest_revision(), medical_reviewer, attestation=False)


def test_deleting_the_page_keeps_the_audit_trail(signoff):
    signoff.page.delete()
    kept = SignOff.objects.get(pk=signoff.pk)
    assert kept.page_id is None
    assert kept.credentials["display_name"] == "Dr. Michael Vines, MD"
