"""Sign-off per locale: a translation is its own page, published only with a sign-off of its own exact revision
by a reviewer who reads its language; stamps and byline are its own, never borrowed from the source."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from pages.models import ArticlePage
from pages.review.errors import ReviewerNotEligibleError, UnsignedRevisionError
from pages.review.gate import check_revision_may_go_live
from pages.review.models import ArticleStamps, SignOff
from pages.review.services import publish_signed
from tests import factories
from tests.factories.translations import translate
from tests.review.test_admin import edit_form, messages_of, modal_form

pytestmark = pytest.mark.django_db

SOURCE_SIGNED = datetime.datetime(2025, 6, 2, 15, 0, tzinfo=datetime.UTC)
TRANSLATION_SIGNED = datetime.datetime(2025, 9, 1, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def source(medical_reviewer):
    return factories.published_article(medical_reviewer, at=SOURCE_SIGNED, text="Original words.", title="IOP")


def submit(client, editor_user, page, text: str) -> TaskState:
    """The editor saves new words and submits them for clinical review through the page editor."""
    client.force_login(editor_user)
    data = edit_form(client, page, text)
    data["action-submit"] = "action-submit"
    assert client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
    return ArticlePage.objects.get(pk=page.pk).current_workflow_task_state


def approve(client, reviewer_user, page, task_state):
    client.force_login(reviewer_user)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {**modal_form(client.get(url)), "attestation": "on", "note": "Leído completo."})


def test_translation_is_reviewed_by_someone_who_reads_spanish(
    client, editor_user, medical_reviewer, spanish_clinical_reviewer, source
):
    spanish = translate(source, "es")
    task_state = submit(client, editor_user, spanish, "Palabras revisadas.")
    assert task_state is not None

    refused = approve(client, medical_reviewer, spanish, task_state)
    assert any("does not list Spanish" in message for message in messages_of(refused))
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not ArticlePage.objects.get(pk=spanish.pk).live

    accepted = approve(client, spanish_clinical_reviewer, spanish, task_state)
    assert accepted.status_code == 302, messages_of(accepted)
    spanish = ArticlePage.objects.get(pk=spanish.pk)
    assert spanish.live and spanish.live_revision_id == task_state.revision_id
    signoff = SignOff.objects.get(page=spanish, decision="approved")
    assert signoff.credentials["content_language"] == "es"
    assert "es" in signoff.credentials["review_languages"]


def test_reviewers_without_languages_review_the_default_language_only(medical_reviewer, spanish_clinical_reviewer):
    english = factories.draft_article(text="English words.")
    factories.sign(english.get_latest_revision(), medical_reviewer)  # no languages listed: English
    spanish = translate(english, "es")
    with pytest.raises(ReviewerNotEligibleError, match="Spanish"):
        factories.sign(spanish.save_revision(), medical_reviewer)
    factories.sign(spanish.get_latest_revision(), spanish_clinical_reviewer)


def test_source_signoff_never_covers_the_translation(source):
    spanish = translate(source, "es")  # identical content to the signed, live source
    revision = spanish.save_revision()
    with pytest.raises(UnsignedRevisionError):
        check_revision_may_go_live(revision)
    with pytest.raises(UnsignedRevisionError):
        revision.publish()
    assert not ArticlePage.objects.get(pk=spanish.pk).live


def test_stamps_and_byline_are_per_translation(source, medical_reviewer, spanish_clinical_reviewer):
    spanish = translate(source, "es")
    revision = spanish.save_revision()
    assert ArticleStamps.objects.filter(page=spanish, last_reviewed_at__isnull=False).count() == 0

    factories.sign(revision, spanish_clinical_reviewer, at=TRANSLATION_SIGNED)
    publish_signed(revision, at=TRANSLATION_SIGNED)
    stamps = ArticleStamps.objects.get(page=spanish)
    assert stamps.last_reviewed_at == TRANSLATION_SIGNED  # not the source's 2025-06-02
    assert [entry["name"] for entry in stamps.byline["clinical_providers"]] == ["Lucía Ortega"]
    assert stamps.byline["medical_providers"] == []  # the source's medical reviewer did not review this text

    source_stamps = ArticleStamps.objects.get(page=source)
    assert source_stamps.last_reviewed_at == SOURCE_SIGNED
    assert [entry["name"] for entry in source_stamps.byline["medical_providers"]] == ["Michael Vines"]


def test_clinician_form_offers_the_languages_read(client, spanish_clinical_reviewer):
    client.force_login(factories.user(is_superuser=True))
    provider = spanish_clinical_reviewer.provider
    response = client.get(reverse("wagtailsnippets_providers_provider:edit", args=[provider.pk]))
    assert response.status_code == 200
    assert 'name="languages"' in response.content.decode()
