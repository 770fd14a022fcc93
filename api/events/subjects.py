"""What a content event is about: object type, frontend paths and cache tags for each public model.

One table (:data:`SUBJECTS`) maps the models that emit events to the names used in event types
(``article.published``) and the cache tags a CDN purges (``article-12 articles``); frontend paths come from
:mod:`api.paths`. Tag formats follow docs/architecture.md ("Cache tags").
"""

from __future__ import annotations

from django.apps import apps
from django.db import models

from api.published.registry import KINDS, ContentKind, kind_for

# The content types whose publish/unpublish/delete is announced: the registry's public content types.
Subject = ContentKind
SUBJECTS: tuple[ContentKind, ...] = KINDS

# Tags bumped whenever any event is recorded: the change feed itself is a cached response.
CHANGE_FEED_TAG = "changes"


def subject_for(obj_or_model: models.Model | type[models.Model]) -> ContentKind | None:
    return kind_for(obj_or_model)


def cache_tags_for(obj: models.Model) -> list[str]:
    """The tags a publish/unpublish/delete of ``obj`` purges: the object, every list it may appear in, and the
    objects whose own responses show it (an article appears in its reviewers' and authors' "articles reviewed").

    Over-purging is harmless; a missed tag would serve stale content, so related objects are taken broadly.
    """
    subject = subject_for(obj)
    if subject is None:
        return []
    tags = [subject.tag(obj.pk), subject.list_tag]
    provider = kind_for(apps.get_model("providers", "Provider"))
    if subject.object_type == "article" and provider is not None:
        tags += [provider.tag(provider_id) for provider_id in sorted(_article_provider_ids(obj))]
    return tags


def _article_provider_ids(article: models.Model) -> set[int]:
    """Clinicians who signed off (any revision) or authored ``article``."""
    ids: set[int] = set()
    try:
        sign_off_model = apps.get_model("review", "SignOff")
    except LookupError:
        sign_off_model = None
    if sign_off_model is not None:
        ids.update(
            sign_off_model.objects.filter(page_id=article.pk, provider__isnull=False).values_list(
                "provider_id", flat=True
            )
        )
    authors = getattr(article, "authors", None)
    if authors is not None:
        ids.update(author.provider_id for author in authors.all() if author.provider_id)
    return ids


def frontend_path(obj: models.Model) -> str | None:
    """The object's path on the public frontend (the registry's, computed by :mod:`api.paths`)."""
    subject = subject_for(obj)
    return subject.frontend_path(obj) if subject is not None else None


def paths_for(obj: models.Model) -> list[str]:
    path = frontend_path(obj)
    return [path] if path else []
