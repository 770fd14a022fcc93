"""Wagtail and Django signals turned into content events.

Announcements follow what the public could see, never what merely happened in the admin:

* ``<type>.published`` is recorded only when the object is public after the publish (an article must also pass
  ``pages.review.visibility.public_articles()``: signed off, not view-restricted, inside its go-live window).
* ``<type>.unpublished`` is recorded only when the last announcement for the object was a publish, and
  ``<type>.deleted`` only when the object was ever announced (Wagtail unpublishes a live page just before
  deleting it, so deleting a live article gives ``unpublished`` then ``deleted``). A draft that was never
  public therefore never appears in the change feed or a webhook, not even its slug.

``page_published`` is sent inside the publishing transaction, so the event row commits (or rolls back) with the
publish; external effects run after commit (see :mod:`api.events.recording`).

Cached responses are purged on *every* publish, unpublish and delete, announced or not: an object that was
never announced (published by a migration or an import, say) may still sit in cached lists.

View restrictions change what is public without any publish: adding or removing one reconciles every article
at and below the restricted page (``<type>.unpublished`` for announced articles that are hidden now,
``<type>.published`` for ones that became public) and purges their responses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.apps import apps
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, published, unpublished

from api.caching import purge_after_commit as purge_cached
from api.cdn import enqueue_purge
from api.replicas import track_primary_write
from api.visibility import is_public

from .recording import last_publication_event, record_event, was_announced_public
from .subjects import SUBJECTS, cache_tags_for, subject_for

logger = logging.getLogger("api.events")


def purge_after_commit(tags: list[str]) -> None:
    """Purge the shared response cache and the CDN in front of it once the transaction commits."""
    track_primary_write()
    purge_cached(tags)
    enqueue_purge(tags)


_DISPATCH_PREFIX = "api.events"


def _record_or_purge(instance: Model, change: str, announce: Callable[[Model], bool]) -> None:
    """Record ``<type>.<change>`` when ``announce(instance)`` holds; otherwise only purge its cached responses."""
    subject = subject_for(instance)
    if subject is None:
        return
    if announce(instance):
        record_event(f"{subject.object_type}.{change}", instance)  # purges after commit
    else:
        purge_after_commit(cache_tags_for(instance))


def on_published(sender, instance: Model, **kwargs) -> None:
    _record_or_purge(instance, "published", is_public)


def on_unpublished(sender, instance: Model, **kwargs) -> None:
    _record_or_purge(instance, "unpublished", was_announced_public)


def on_deleted(sender, instance: Model, **kwargs) -> None:
    subject = subject_for(instance)
    if subject is None or instance.pk is None:
        return
    last = last_publication_event(instance)
    if last is None or last.event_type.endswith(".deleted"):
        purge_after_commit(cache_tags_for(instance))
        return
    record_event(f"{subject.object_type}.deleted", instance)


def reconcile_article_visibility(articles) -> None:
    """Announce articles whose public visibility changed without a publish, and purge their responses."""
    for article in articles:
        public, announced = is_public(article), was_announced_public(article)
        if announced and not public:
            record_event("article.unpublished", article)
        elif public and not announced:
            record_event("article.published", article)
        else:
            purge_after_commit(cache_tags_for(article))


def on_view_restriction_changed(sender, instance: PageViewRestriction, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    article_model = apps.get_model("pages", "ArticlePage")
    try:
        page = instance.page
    except Page.DoesNotExist:  # pragma: no cover - page deleted in the same cascade
        return
    reconcile_article_visibility(article_model.objects.descendant_of(page, inclusive=True).specific())


def connect() -> None:
    """Connect the handlers (called from ``ApiConfig.ready``); idempotent through dispatch uids."""
    for subject in SUBJECTS:
        try:
            model = subject.model
        except LookupError:
            continue
        uid = f"{_DISPATCH_PREFIX}.{subject.model_label}"
        if subject.object_type == "article":
            page_published.connect(on_published, sender=model, dispatch_uid=f"{uid}.published")
            page_unpublished.connect(on_unpublished, sender=model, dispatch_uid=f"{uid}.unpublished")
        else:
            published.connect(on_published, sender=model, dispatch_uid=f"{uid}.published")
            unpublished.connect(on_unpublished, sender=model, dispatch_uid=f"{uid}.unpublished")
        post_delete.connect(on_deleted, sender=model, dispatch_uid=f"{uid}.deleted")
    post_save.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{_DISPATCH_PREFIX}.vr.saved"
    )
    post_delete.connect(
        on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid=f"{_DISPATCH_PREFIX}.vr.deleted"
    )
