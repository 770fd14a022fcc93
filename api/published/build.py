"""Build the stored form of one public object with the existing representation builders.

:func:`build` returns everything a :class:`~api.published.models.StoredRepresentation` row holds — the encoded
detail and summary JSON, filter columns, facets, what the representation embeds (``uses:<model>`` facets) and
the full-text document — without writing anything.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.signals import setting_changed
from django.utils import timezone
from django.utils.html import strip_tags
from rest_framework.renderers import JSONRenderer

from ..caching.store import scheduled_visibility_change
from ..caching.tags import collected_last_modified, collected_tags
from ..representations.articles import byline_reviewer_ids
from ..representations.context import ANY, CENTER, IMAGE, PAGE, PROVIDER, noted_references
from .registry import ContentKind

# Bump whenever a builder's output changes: rows of an older version are rebuilt before they are served.
# 4: clinicians and centers stored per locale; term labels and crisis lines translated. 5: a clinician's
# articles_reviewed is the 20 most recent.
REPRESENTATION_VERSION = 5
USES = "uses:"
TOPIC, LEVEL, CREDENTIAL, CRISIS = (
    "providers.topic",
    "providers.levelofcare",
    "providers.credential",
    "providers.crisisresource",
)
SERVICE, PAYER, POPULATION, LANGUAGE = (
    "providers.service",
    "providers.payer",
    "providers.population",
    "providers.language",
)
# Settings the stored JSON depends on: a change makes every row stale (rebuilt when read).
BUILD_SETTINGS = (
    "FRONTEND_BASE_URL",
    "MEDIA_BASE_URL",
    "FRONTEND_CENTER_LOCATOR_PATH",
    "FRONTEND_INTAKE_PATH",
    "WAGTAIL_SITE_NAME",
    "REVIEW_DUE_SOON_DAYS",
    "TIME_ZONE",
    "LANGUAGES",
    "API_DEFAULT_LOCALE",
)


def encode(data: Any) -> bytes:
    """JSON exactly as the API's renderer writes it."""
    return JSONRenderer().render(data)


def compressed(detail_json: bytes) -> bytes:
    """The stored gzip body of a detail: mtime 0, so the same JSON always compresses to the same bytes."""
    return gzip.compress(detail_json, mtime=0)


@functools.cache  # read for every row served; settings only change in tests, which clear it (below)
def build_key() -> str:
    raw = "|".join(repr(getattr(settings, name, None)) for name in BUILD_SETTINGS)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _settings_changed(setting: str, **kwargs: Any) -> None:
    if setting in BUILD_SETTINGS:
        build_key.cache_clear()


setting_changed.connect(_settings_changed, dispatch_uid="api.published.build.build_key")


def next_midnight() -> datetime.datetime:
    """Review status, credential currency and expiry flags move with the local date: rebuild the next day."""
    today = timezone.localdate()
    tomorrow = datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time.min)
    return timezone.make_aware(tomorrow, timezone.get_current_timezone())


def _until_an_article_window_moves() -> datetime.datetime:
    """Clinicians and centers list articles (articles reviewed, programs' resources): their rows go stale the
    next time any article appears or disappears by the clock, so the read rebuilds them then, without waiting
    for the scheduler's unpublish. Article rows are not rebuilt at every such moment: a link from one article
    to another that expires is dropped when the scheduler unpublishes it (its dependents are rebuilt then)."""
    moment = scheduled_visibility_change()
    midnight = next_midnight()
    if moment is None:
        return midnight
    return min(midnight, datetime.datetime.fromtimestamp(moment, tz=datetime.UTC))


class Collector:
    """Stands in for the request while building: collects cache tags, last-modified and embedded references."""


@dataclass
class Built:
    kind: str
    locale: str
    object_id: int
    slug: str
    path: str
    detail_json: bytes
    detail_gzip: bytes
    summary_json: bytes
    content_hash: str
    cache_tags: list[str]
    last_modified: datetime.datetime | None
    valid_until: datetime.datetime
    columns: dict[str, Any] = field(default_factory=dict)
    facets: set[tuple[str, str]] = field(default_factory=set)
    search: dict[str, str] = field(default_factory=dict)


def _text(*values: Any) -> str:
    return " ".join(strip_tags(str(value)) for value in values if value)


def _strings(value: Any, skip: frozenset = frozenset({"type", "id", "url", "path", "slug", "api_url", "src"})) -> list:
    if isinstance(value, dict):
        return [text for key, item in value.items() if key not in skip for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def build(kind: ContentKind, obj: Any, locale: str | None = None) -> Built:
    """The row of ``obj`` in ``locale`` (default: its first in ``kind.locales``)."""
    locale = locale or kind.locales(obj)[0]
    collector = Collector()
    detail = kind.detail(obj, collector, locale)
    summary = kind.summaries([obj], collector, locale)[0]
    detail_json = encode(detail)
    built = Built(
        kind=kind.key,
        locale=locale,
        object_id=obj.pk,
        slug=obj.slug,
        path=kind.frontend_path(obj),
        detail_json=detail_json,
        detail_gzip=compressed(detail_json),
        summary_json=encode(summary),
        content_hash=hashlib.sha256(detail_json).hexdigest(),
        cache_tags=sorted(collected_tags(collector) | {kind.tag(obj.pk)}),  # lists add their own list tag
        last_modified=collected_last_modified(collector),
        valid_until=next_midnight() if kind.key == "article" else _until_an_article_window_moves(),
    )
    for label, ids in noted_references(collector).items():
        built.facets |= {(USES + label, pk) for pk in ids}
    for tag in collected_tags(collector):  # embedded objects the builders tagged (bylines, reviewed articles…)
        prefix, _, pk = tag.rpartition("-")
        label = {"article": PAGE, "provider": PROVIDER, "center": CENTER, "topic": TOPIC}.get(prefix)
        if label and pk.isdigit():
            built.facets.add((USES + label, pk))
    built.facets.discard((USES + kind.model._meta.label_lower, str(obj.pk)))  # not a dependency of itself
    EXTRA[kind.key](obj, detail, built)
    return built


def _uses(built: Built, label: str, ids: Any) -> None:
    built.facets |= {(USES + label, str(pk)) for pk in ids if pk is not None}


def _facet(built: Built, name: str, values: Any) -> None:
    built.facets |= {(name, str(value)) for value in values if value}


def _article_extra(article: Any, detail: dict, built: Built) -> None:
    from pages.models import ArticlePage
    from providers.models import Provider, Topic, TreatmentCenter

    stamps = getattr(article, "review_stamps", None)
    built.columns = {
        "page_id": article.pk,
        "revision_id": article.live_revision_id,
        "tree_path": article.path,
        "go_live_at": article.go_live_at,
        "expire_at": article.expire_at,
        "title": article.title,
        "last_updated": getattr(stamps, "last_updated_at", None),
        "first_published": getattr(stamps, "first_published_at", None),
    }
    topic_ids = list(
        ArticlePage.topics.through.objects.filter(articlepage_id=article.pk).values_list("topic_id", flat=True)
    )
    _uses(built, TOPIC, topic_ids)
    _uses(
        built,
        LEVEL,
        ArticlePage.levels_of_care.through.objects.filter(articlepage_id=article.pk).values_list(
            "levelofcare_id", flat=True
        ),
    )
    if Topic.objects.filter(pk__in=topic_ids, shows_crisis_resources=True).exists():
        _uses(built, CRISIS, [ANY])
    _uses(built, IMAGE, [article.hero_image_id, article.og_image_id])
    reviewer_ids = set(byline_reviewer_ids(getattr(stamps, "byline", None)))
    author_ids = set(article.authors.values_list("provider_id", flat=True))
    _uses(built, PROVIDER, reviewer_ids | author_ids)
    _facet(built, "topic", [topic["slug"] for topic in detail["topics"]])
    _facet(built, "level_of_care", [level["slug"] for level in detail["levels_of_care"]])
    _facet(
        built,
        "provider",
        Provider.objects.public().filter(pk__in=reviewer_ids | author_ids).values_list("slug", flat=True),
    )
    chosen = [pk for label, pk in built.facets if label == USES + CENTER and pk.isdigit()]
    _facet(built, "center", TreatmentCenter.objects.public().filter(pk__in=chosen).values_list("slug", flat=True))
    built.search = {"title": article.title, "summary": article.summary, "body": _text(*_strings(detail["body"]))}


def _provider_extra(provider: Any, detail: dict, built: Built) -> None:
    from providers.models import CredentialHolding, Provider

    built.columns = {"title": provider.name, "category": provider.category}
    holdings = list(provider.credential_holdings.all())
    _uses(built, CREDENTIAL, [holding.credential_id for holding in holdings])
    _uses(built, IMAGE, [provider.photo_id])
    _uses(
        built,
        TOPIC,
        Provider.specialties.through.objects.filter(provider_id=provider.pk).values_list("topic_id", flat=True),
    )
    _uses(
        built,
        CENTER,
        Provider.centers.through.objects.filter(provider_id=provider.pk).values_list("treatmentcenter_id", flat=True),
    )
    _facet(built, "center", [center["slug"] for center in detail["centers"]])
    active = CredentialHolding.Status.ACTIVE
    _facet(built, "credential", [h.credential.code.lower() for h in holdings if h.status == active])
    built.search = {
        "title": _text(provider.display_name, provider.name),
        "summary": _text(detail["job_title"], *(term["name"] for term in detail["specialties"])),
        "body": _text(detail["bio"], *(item["name"] for item in detail["credentials"])),
    }


CENTER_TERMS = {
    "services": SERVICE,
    "conditions": TOPIC,
    "populations": POPULATION,
    "languages": LANGUAGE,
    "payers": PAYER,
}
CENTER_FACETS = {"services": "service", "payers": "payer", "populations": "population", "languages": "language"}


def _center_extra(center: Any, detail: dict, built: Built) -> None:
    from providers.models import TreatmentCenter

    built.columns = {
        "title": center.name,
        "state": center.state,
        "city": center.city,
        "city_key": center.city.lower(),
        "accepting_new_patients": center.accepting_new_patients,
        "latitude": center.latitude,
        "longitude": center.longitude,
    }
    _uses(built, LEVEL, [program.level_of_care_id for program in center.programs.all()])
    for name, label in CENTER_TERMS.items():
        through = getattr(TreatmentCenter, name).through
        column = next(f.attname for f in through._meta.concrete_fields if f.attname not in ("id", "treatmentcenter_id"))
        _uses(built, label, through.objects.filter(treatmentcenter_id=center.pk).values_list(column, flat=True))
    for name, facet in CENTER_FACETS.items():
        _facet(built, facet, [term["slug"] for term in detail[name]])
    _facet(built, "level_of_care", [level["slug"] for level in detail["levels_of_care"]])
    built.search = {
        "title": center.name,
        "summary": _text(center.city, center.state, detail["summary"]),
        "body": _text(*(term["name"] for name in CENTER_TERMS for term in detail[name])),
    }


EXTRA = {"article": _article_extra, "provider": _provider_extra, "center": _center_extra}
