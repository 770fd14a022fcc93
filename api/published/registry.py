"""The one registry of public content types: what every part of the API needs to know about each.

Events and their subjects, cache tags, visibility, search, routes, sitemap, the change feed, preview and
``manage.py preview_token`` all read :data:`KINDS` instead of restating the list of public models.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import QuerySet

from .. import paths


def _article_path(obj: Any) -> str:
    return paths.article_path(obj)


def _provider_path(obj: Any) -> str:
    return paths.provider_path(obj.slug)


def _center_path(obj: Any) -> str:
    return paths.center_path(obj.slug)


def _article_buildable() -> QuerySet:
    from pages.review.visibility import public_articles_at_any_time

    from ..representations.articles import ARTICLE_SELECT_RELATED

    return public_articles_at_any_time().select_related(*ARTICLE_SELECT_RELATED)


def _provider_buildable() -> QuerySet:
    from providers.models import Provider

    from ..representations.providers import PROVIDER_SELECT_RELATED, provider_prefetches

    return Provider.objects.public().select_related(*PROVIDER_SELECT_RELATED).prefetch_related(*provider_prefetches())


def _center_buildable() -> QuerySet:
    from providers.models import TreatmentCenter

    from ..representations.centers import center_prefetches

    return TreatmentCenter.objects.public().prefetch_related(
        *center_prefetches(), "hours", "licenses", "contacts", "accreditations"
    )


def _article_detail(obj: Any, request: Any, locale: str) -> dict:
    from ..representations.articles import represent_article_detail

    return represent_article_detail(obj, request, prefetched=True)  # in the article's own locale


def _provider_detail(obj: Any, request: Any, locale: str) -> dict:
    from ..representations.providers import represent_provider_detail

    return represent_provider_detail(obj, request, locale)


def _center_detail(obj: Any, request: Any, locale: str) -> dict:
    from ..representations.centers import represent_center_detail

    return represent_center_detail(obj, request, prefetched=True, locale=locale)


def _summaries(name: str, *, localized: bool = True) -> Callable[[list, Any, str], list[dict]]:
    def build(objects: list, request: Any, locale: str) -> list[dict]:
        from .. import representations

        builder = getattr(representations, name)
        return builder(objects, request, locale) if localized else builder(objects, request)

    return build


def _article_locales(obj: Any) -> list[str]:
    from .. import locales

    return [locales.code_of(obj.locale_id)]


def _every_locale(obj: Any) -> list[str]:
    from .. import locales

    return locales.allowed()


def _article_result(summary: dict) -> dict:
    return {"title": summary["title"], "summary": summary["summary"]}


def _provider_result(summary: dict) -> dict:
    return {"title": summary["display_name"], "summary": summary["job_title"] or ""}


def _center_result(summary: dict) -> dict:
    return {"title": summary["name"], "summary": f"{summary['address']['city']}, {summary['address']['state']}"}


@dataclass(frozen=True)
class ContentKind:
    """A public content type."""

    key: str  # "article": object type in events, search results, sitemap and routes
    model_label: str  # "pages.ArticlePage"
    list_tag: str  # "articles": the tag of every list that may contain one
    detail_url_name: str  # "api:article-detail"
    frontend_path: Callable[[Any], str]
    buildable: Callable[[], QuerySet]  # public apart from the time window (checked when read)
    detail: Callable[[Any, Any, str], dict]  # (object, request, locale)
    summaries: Callable[[list, Any, str], list[dict]]
    search_result: Callable[[dict], dict]  # title and summary of a /search/ result, from the stored summary
    # The locales an object has stored rows in: an article its page's locale (a translation is another page);
    # clinicians and centers every locale (one object, its text translated per field).
    locales: Callable[[Any], list[str]] = _every_locale
    # Full-text weights by column (title A, summary B, body C), as PostgreSQL setweight letters.
    search_weights: dict[str, str] = field(default_factory=lambda: {"title": "A", "summary": "B", "body": "C"})
    search_boost: float = 1.0  # prefers articles on ties in /search/
    facets: tuple[str, ...] = ()  # list filters answered from RepresentationFacet

    @property
    def tag_prefix(self) -> str:
        return self.key

    @property
    def object_type(self) -> str:
        return self.key

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def tag(self, pk: Any) -> str:
        return f"{self.key}-{pk}"  # object_tag_sql writes the same in SQL

    def public_queryset(self) -> QuerySet:
        """Public right now (the time window included)."""
        from ..visibility import public_queryset

        return public_queryset(self.model)


def object_tag_sql(kind_column: str, pk_column: str) -> str:
    """SQL for :meth:`ContentKind.tag` of a stored row (database triggers invalidate by it)."""
    return f"{kind_column} || '-' || {pk_column}"


KINDS: tuple[ContentKind, ...] = (
    ContentKind(
        "article",
        "pages.ArticlePage",
        "articles",
        "api:article-detail",
        _article_path,
        _article_buildable,
        _article_detail,
        _summaries("represent_article_summaries", localized=False),
        _article_result,
        locales=_article_locales,
        facets=("topic", "level_of_care", "provider", "center"),
    ),
    ContentKind(
        "provider",
        "providers.Provider",
        "providers",
        "api:provider-detail",
        _provider_path,
        _provider_buildable,
        _provider_detail,
        _summaries("represent_provider_summaries"),
        _provider_result,
        search_boost=0.95,
        facets=("center", "credential"),
    ),
    ContentKind(
        "center",
        "providers.TreatmentCenter",
        "centers",
        "api:center-detail",
        _center_path,
        _center_buildable,
        _center_detail,
        _summaries("represent_center_summaries"),
        _center_result,
        search_boost=0.95,
        facets=("level_of_care", "service", "payer", "population", "language"),
    ),
)
BY_KEY: dict[str, ContentKind] = {kind.key: kind for kind in KINDS}
KIND_KEYS: list[str] = [kind.key for kind in KINDS]


def kind_for(obj_or_model: models.Model | type[models.Model]) -> ContentKind | None:
    """The content kind of a model or instance (subclasses included), or None."""
    model = obj_or_model if isinstance(obj_or_model, type) else type(obj_or_model)
    for kind in KINDS:
        try:
            kind_model = kind.model
        except LookupError:  # app not installed
            continue
        if issubclass(model, kind_model):
            return kind
    return None


def object_tag(obj: models.Model) -> str:
    kind = kind_for(obj)
    if kind is None:
        raise ValueError(f"{type(obj).__name__} is not a public content type")
    return kind.tag(obj.pk)
