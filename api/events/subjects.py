"""What a content event is about: object type, frontend paths and cache tags for each public model.

One table (:data:`SUBJECTS`) maps the models that emit events to the names used in event types
(``article.published``) and the cache tags a CDN purges (``article-12 articles``); frontend paths come from
:mod:`api.paths`. Tag formats follow docs/architecture.md ("Cache tags").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Subject:
    """A model whose publish/unpublish/delete is announced."""

    model_label: str  # "pages.ArticlePage"
    object_type: str  # "article": the prefix of event types
    tag_prefix: str  # "article" -> "article-12"
    list_tag: str  # "articles": every list that may contain one

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)


SUBJECTS: tuple[Subject, ...] = (
    Subject("pages.ArticlePage", "article", "article", "articles"),
    Subject("providers.Provider", "provider", "provider", "providers"),
    Subject("providers.TreatmentCenter", "center", "center", "centers"),
)

# Tags bumped whenever any event is recorded: the change feed itself is a cached response.
CHANGE_FEED_TAG = "changes"


def subject_for(obj_or_model: models.Model | type[models.Model]) -> Subject | None:
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for subject in SUBJECTS:
        try:
            subject_model = subject.model
        except LookupError:  # app not installed (tests of a slimmed project)
            continue
        if issubclass(model, subject_model):
            return subject
    return None


def cache_tags_for(obj: models.Model) -> list[str]:
    """The tags a publish/unpublish/delete of ``obj`` purges: the object, every list it may appear in, and the
    objects whose own responses show it (an article appears in its reviewers' and authors' "articles reviewed").

    Over-purging is harmless; a missed tag would serve stale content, so related objects are taken broadly.
    """
    subject = subject_for(obj)
    if subject is None:
        return []
    tags = [f"{subject.tag_prefix}-{obj.pk}", subject.list_tag]
    if subject.object_type == "article":
        tags += [f"provider-{provider_id}" for provider_id in sorted(_article_provider_ids(obj))]
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
    """The object's path on the public frontend, from :mod:`api.paths` (the one place paths are computed)."""
    from api import paths

    subject = subject_for(obj)
    if subject is None:
        return None
    if subject.object_type == "article":
        return paths.article_path(obj)
    if subject.object_type == "provider":
        return paths.provider_path(obj.slug)
    return paths.center_path(obj.slug)


def paths_for(obj: models.Model) -> list[str]:
    path = frontend_path(obj)
    return [path] if path else []
