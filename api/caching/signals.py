"""Purge cached responses when shared reference data changes (no content event, no webhook: not public objects).

Vocabulary terms, credentials and crisis resources are shown inside articles, clinicians and centers, whose
responses carry the ``vocabularies`` tag (and ``topic-<id>`` for topics). Editing one of them in the admin
purges those tags once the transaction commits. Publications of articles, clinicians and centers are purged
through content events instead (:mod:`api.events.recording`).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.signals import published, unpublished

from api.cdn import enqueue_purge
from api.replicas import track_primary_write

from .store import purge_after_commit

REFERENCE_MODELS = (
    "providers.Topic",
    "providers.LevelOfCare",
    "providers.Service",
    "providers.Payer",
    "providers.Population",
    "providers.Language",
    "providers.Credential",
    "providers.CrisisResource",
)
VOCABULARIES_TAG = "vocabularies"


def tags_for_reference(instance) -> list[str]:
    tags = [VOCABULARIES_TAG]
    if instance._meta.label == "providers.Topic":
        tags.append(f"topic-{instance.pk}")
    return tags


def on_reference_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata
        return
    track_primary_write()  # read replicas (cms.db_router)
    purge_after_commit(tags_for_reference(instance))
    enqueue_purge(tags_for_reference(instance))  # the CDN in front (api.cdn)


# The home page and article indexes: routes to them and links to them carry ``page-<id>``.
LISTING_PAGE_MODELS = ("pages.HomePage", "pages.ArticleIndexPage")


def on_listing_page_changed(sender, instance, **kwargs) -> None:
    purge_after_commit([f"page-{instance.pk}"])


def connect() -> None:
    for label in LISTING_PAGE_MODELS:
        model = apps.get_model(label)
        uid = f"api.caching.listing.{label}"
        published.connect(on_listing_page_changed, sender=model, dispatch_uid=f"{uid}.published")
        unpublished.connect(on_listing_page_changed, sender=model, dispatch_uid=f"{uid}.unpublished")
        post_delete.connect(on_listing_page_changed, sender=model, dispatch_uid=f"{uid}.deleted")
    for label in REFERENCE_MODELS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        uid = f"api.caching.reference.{label}"
        post_save.connect(on_reference_changed, sender=model, dispatch_uid=f"{uid}.saved")
        post_delete.connect(on_reference_changed, sender=model, dispatch_uid=f"{uid}.deleted")
        published.connect(on_reference_changed, sender=model, dispatch_uid=f"{uid}.published")
        unpublished.connect(on_reference_changed, sender=model, dispatch_uid=f"{uid}.unpublished")
