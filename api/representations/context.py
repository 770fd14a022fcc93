"""Bulk loading of everything a batch of content refers to, so a response costs a fixed number of queries.

Building a response is two passes: walk the content (StreamField raw JSON, rich text) recording the ids of
referenced pages, centers, clinicians and images in a :class:`ResolveContext`; call :meth:`ResolveContext.load`,
which runs at most one query per kind and only through the *public* querysets; then build the JSON from the
loaded maps without touching the database. Anything not public is simply absent from the maps, so every
builder drops it the same way (reliability P7/P8).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q

from pages.review.visibility import public_articles
from providers.models import Credential, CredentialHolding, Provider, TreatmentCenter

from .. import paths
from ..images import load_images
from ..richtext import RichTextContext, collect_references
from ..visibility import public_listing_pages

MAX_FILTERED_CENTERS = 100


@dataclass
class CenterQuery:
    level_of_care_id: int | None
    state: str | None

    def key(self) -> tuple[int | None, str | None]:
        return (self.level_of_care_id, self.state)


@dataclass
class ResolveContext:
    page_ids: set[int] = field(default_factory=set)
    image_ids: set[int] = field(default_factory=set)
    center_ids: set[int] = field(default_factory=set)
    provider_ids: set[int] = field(default_factory=set)
    center_queries: dict[tuple, CenterQuery] = field(default_factory=dict)
    extra_images: list[Any] = field(default_factory=list)  # already loaded (select_related): renditions only

    # Filled by load()
    richtext: RichTextContext = field(default_factory=RichTextContext)
    centers: dict[int, dict] = field(default_factory=dict)
    centers_by_query: dict[tuple, list[int]] = field(default_factory=dict)
    providers: dict[int, dict] = field(default_factory=dict)
    images: dict[int, Any] = field(default_factory=dict)
    listing_page_ids: set[int] = field(default_factory=set)

    # --- collecting ------------------------------------------------------------------------------

    def add_rich_text(self, value: str | None) -> None:
        references = collect_references([value or ""])
        self.page_ids |= references.page_ids
        self.image_ids |= references.image_ids

    def add_center_query(self, level_of_care_id: int | None, state: str | None) -> None:
        query = CenterQuery(level_of_care_id, (state or "").upper() or None)
        self.center_queries[query.key()] = query

    # --- loading ---------------------------------------------------------------------------------

    def load(self) -> ResolveContext:
        self._load_pages()
        self._load_centers()
        self._load_providers()
        self.images = load_images(self.image_ids, loaded=self.extra_images)
        self.richtext.images = self.images
        return self

    def _load_pages(self) -> None:
        if not self.page_ids:
            return

        rows = public_articles().filter(pk__in=self.page_ids).values_list("pk", "url_path", "locale_id")
        self.richtext.page_paths = {pk: paths.page_path(url_path, locale_id) for pk, url_path, locale_id in rows}
        # Links to the home page or an article index (e.g. "/resources/") keep their frontend path too.
        rest = self.page_ids - set(self.richtext.page_paths)
        listing = public_listing_pages().filter(pk__in=rest).values_list("pk", "url_path", "locale_id") if rest else []
        for pk, url_path, locale_id in listing:
            self.richtext.page_paths[pk] = paths.page_path(url_path, locale_id)
            self.listing_page_ids.add(pk)

    def page_tags(self) -> list[str]:
        """Cache tags of the pages the content links to: ``article-<id>``, or ``page-<id>`` for listing pages."""
        return [f"page-{pk}" if pk in self.listing_page_ids else f"article-{pk}" for pk in self.richtext.page_paths]

    def _load_centers(self) -> None:
        if not self.center_ids and not self.center_queries:
            return
        condition: Q | None = Q(pk__in=self.center_ids)
        for query in self.center_queries.values():
            if not query.level_of_care_id and not query.state:
                condition = None  # "all public centers": no narrowing possible
                break
            part = Q(state=query.state) if query.state else Q()
            if query.level_of_care_id:
                part &= Q(programs__level_of_care_id=query.level_of_care_id)
            condition |= part
        centers = TreatmentCenter.objects.public()
        rows = (
            (centers.filter(condition) if condition is not None else centers)
            .values_list("pk", "slug", "name", "city", "state", "programs__level_of_care_id")
            .order_by("name", "pk")
        )
        levels: dict[int, set] = defaultdict(set)
        for pk, slug, name, city, state, level_id in rows:
            self.centers.setdefault(pk, center_summary_from_values(slug, name, city, state))
            levels[pk].add(level_id)
        for key, query in self.center_queries.items():
            self.centers_by_query[key] = [
                pk
                for pk, summary in self.centers.items()
                if (not query.level_of_care_id or query.level_of_care_id in levels[pk])
                and (not query.state or summary["state"] == query.state)
            ][:MAX_FILTERED_CENTERS]

    def _load_providers(self) -> None:
        """Public clinicians with their credential holdings in one query (LEFT JOIN), as in-memory objects so
        ``Provider.display_name`` — the one place post-nominals are derived — renders them without queries."""
        if not self.provider_ids:
            return
        holding_fields = ("pk", "sort_order", "status", "expires_on", "show_on_byline", "credential__code")
        rows = (
            Provider.objects.public()
            .filter(pk__in=self.provider_ids)
            .values_list(
                "pk", "slug", "name", "honorific", *(f"credential_holdings__{name}" for name in holding_fields)
            )
        )
        providers: dict[int, Any] = {}
        holdings: dict[int, list] = defaultdict(list)
        for pk, slug, name, honorific, holding_pk, sort_order, status, expires_on, shown, code in rows:
            providers.setdefault(pk, Provider(pk=pk, slug=slug, name=name, honorific=honorific))
            if holding_pk is not None:
                holdings[pk].append(
                    CredentialHolding(
                        pk=holding_pk,
                        sort_order=sort_order,
                        status=status,
                        expires_on=expires_on,
                        show_on_byline=shown,
                        credential=Credential(code=code),
                    )
                )
        for pk, provider in providers.items():
            provider.credential_holdings = holdings[pk]  # in-memory children (modelcluster), no query
            self.providers[pk] = provider_reference(provider)


def center_summary_from_values(slug: str, name: str, city: str, state: str) -> dict[str, Any]:
    """A center as embedded in other content: ``{"slug", "name", "city", "state", "path"}``."""
    return {"slug": slug, "name": name, "city": city, "state": state, "path": paths.center_path(slug)}


def provider_reference(provider: Any) -> dict[str, Any]:
    """A clinician as embedded in other content."""
    return {
        "slug": provider.slug,
        "name": provider.name,
        "display_name": provider.display_name,
        "path": paths.provider_path(provider.slug),
    }


# --- what a representation embeds (stored representations rebuild their dependents from it) -----------------

_REFERENCES_ATTRIBUTE = "_verity_references"
PAGE, CENTER, PROVIDER, IMAGE = (
    "pages.articlepage",
    "providers.treatmentcenter",
    "providers.provider",
    "wagtailimages.image",
)
ANY = "*"


def note_references(request: Any, label: str, ids: Any) -> None:
    """Record on ``request`` that the representation being built embeds objects ``ids`` of model ``label``
    (public or not: a draft that becomes public must rebuild it). ``ANY`` stands for "any object of the model"."""
    if request is None:
        return
    request = getattr(request, "_request", request)
    found: dict[str, set] = getattr(request, _REFERENCES_ATTRIBUTE, None) or {}
    found.setdefault(label, set()).update(str(pk) for pk in ids if pk not in (None, ""))
    setattr(request, _REFERENCES_ATTRIBUTE, found)


def noted_references(request: Any) -> dict[str, set[str]]:
    return dict(getattr(getattr(request, "_request", request), _REFERENCES_ATTRIBUTE, None) or {})


def note_context(request: Any, context: ResolveContext) -> None:
    """Everything a resolved context collected (before narrowing to public objects)."""
    note_references(request, PAGE, context.page_ids)
    note_references(request, CENTER, context.center_ids)
    note_references(request, PROVIDER, context.provider_ids)
    note_references(request, IMAGE, context.image_ids)
    note_references(request, IMAGE, [getattr(image, "pk", None) for image in context.extra_images if image])
    if context.center_queries:
        note_references(request, CENTER, [ANY])
