"""Receivers that wire clinical review into Wagtail: the publish gate, fingerprints, publications, stamps, workflow.

Connected in ``ReviewConfig.ready``. See ``pages.review.gate`` for why the gate lives in ``pre_save``.
"""

from __future__ import annotations

import logging
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState
from wagtail.signals import copy_for_translation_done, page_published, page_unpublished

from pages.models import ArticlePage, is_article
from providers.models.credentials import check_published_credentials

from . import gate
from .hashing import content_hash
from .models import ArticleStamps, Publication, RevisionFingerprint, SignOff
from .stamps import recompute
from .translations import on_copied_for_translation
from .workflow_setup import attach_workflow_to_index

logger = logging.getLogger(__name__)


def gate_page_save(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw or not isinstance(instance, Page):
        return
    gate.check_page_save(instance)


def gate_revision_save(sender: type, instance: Revision, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "approved_go_live_at" not in update_fields:
        return
    if is_article(instance):
        gate.check_revision_schedule(instance)


def revision_is_under_review(revision_id: int) -> bool:
    """A revision an in-progress workflow task is reviewing, or that any reviewer has signed (off or back)."""
    return (
        TaskState.objects.filter(revision_id=revision_id, status=TaskState.STATUS_IN_PROGRESS).exists()
        or SignOff.objects.filter(revision_id=revision_id).exists()
    )


def keep_reviewed_revision(sender: type, instance: Revision, raw: bool = False, **kwargs: Any) -> None:
    """W6: the revision under review is never overwritten in place; the save makes a new revision instead.

    Wagtail overwrites the latest revision when its author saves again (``save_revision(overwrite_revision=…)``,
    the edit form's ``overwrite_revision_id``, autosave). For an article revision under review or signed, a
    content change turns that update into an insert: the reviewed revision keeps what the reviewer read, and
    the new revision (latest, a draft) needs a review of its own. Saves that leave the content as it was
    (scheduling fields, identical autosaves) update in place as usual.
    """
    update_fields = kwargs.get("update_fields")
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and "content" not in update_fields:
        return
    if not is_article(instance) or not revision_is_under_review(instance.pk):
        return
    stored = RevisionFingerprint.objects.filter(revision_id=instance.pk).values_list("content_hash", flat=True).first()
    if stored is None:
        stored = content_hash(Revision.objects.get(pk=instance.pk).content)
    if stored == content_hash(instance.content):
        return
    instance.pk = None
    instance._state.adding = True


def store_fingerprint(sender: type, instance: Revision, raw: bool = False, **kwargs: Any) -> None:
    update_fields = kwargs.get("update_fields")
    if raw or (update_fields is not None and "content" not in update_fields):
        return
    if not is_article(instance):
        return
    RevisionFingerprint.objects.update_or_create(
        revision=instance, defaults={"content_hash": content_hash(instance.content)}
    )


def record_publication(sender: type, instance: Any, revision: Revision | None = None, **kwargs: Any) -> None:
    if kwargs.get("alias") or revision is None or not is_article(instance):
        return
    if not instance.live or instance.live_revision_id != revision.pk:
        return  # scheduled for later: Wagtail sends page_published before the page is actually live
    Publication.objects.create(
        page_id=instance.pk,
        revision=revision,
        content_hash=content_hash(revision.content),
        change_kind=revision.content.get("change_kind") or "substantive",
        published_at=instance.last_published_at or timezone.now(),
    )
    recompute(instance)


def recompute_after_unpublish(sender: type, instance: Any, **kwargs: Any) -> None:
    if is_article(instance):
        recompute(instance)


def attach_review_workflow(
    sender: type, instance: Any, created: bool = False, raw: bool = False, **kwargs: Any
) -> None:
    """Every new article index gets the "Clinical review" workflow (the demo tree is built after migrations)."""
    if not created or raw:
        return
    attach_workflow_to_index(instance)


def _refresh_articles_reviewed_by(provider_id: int | None) -> None:
    """A clinician's credentials changed: refresh the byline flags of the articles they signed off (after commit)."""
    if provider_id is None:
        return

    def refresh() -> None:
        article_ids = set(
            ArticleStamps.objects.filter(
                live_revision__isnull=False, page__signoffs__provider_id=provider_id
            ).values_list("page_id", flat=True)
        )
        for article in ArticlePage.objects.filter(pk__in=article_ids):
            recompute(article)

    transaction.on_commit(refresh)


def govern_provider_publish(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """W7 at the model layer: see ``providers.models.credentials.check_published_credentials``."""
    if not raw:
        check_published_credentials(instance)


def provider_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _refresh_articles_reviewed_by(instance.pk)


def holding_changed(sender: type, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _refresh_articles_reviewed_by(instance.provider_id)


def connect() -> None:
    pre_save.connect(gate_page_save, dispatch_uid="review_gate_page_save")
    pre_save.connect(keep_reviewed_revision, sender=Revision, dispatch_uid="review_keep_reviewed_revision")
    pre_save.connect(gate_revision_save, sender=Revision, dispatch_uid="review_gate_revision_save")
    post_save.connect(store_fingerprint, sender=Revision, dispatch_uid="review_store_fingerprint")
    page_published.connect(record_publication, dispatch_uid="review_record_publication")
    page_unpublished.connect(recompute_after_unpublish, dispatch_uid="review_recompute_after_unpublish")
    copy_for_translation_done.connect(on_copied_for_translation, dispatch_uid="review_translation_origin")
    post_save.connect(
        attach_review_workflow,
        sender=apps.get_model("pages", "ArticleIndexPage"),
        dispatch_uid="review_attach_workflow",
    )
    provider, holding = apps.get_model("providers", "Provider"), apps.get_model("providers", "CredentialHolding")
    pre_save.connect(govern_provider_publish, sender=provider, dispatch_uid="review_govern_provider_publish")
    post_save.connect(provider_changed, sender=provider, dispatch_uid="review_provider_changed")
    post_save.connect(holding_changed, sender=holding, dispatch_uid="review_holding_saved")
    post_delete.connect(holding_changed, sender=holding, dispatch_uid="review_holding_deleted")
