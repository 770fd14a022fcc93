"""Articles: list summaries and the full detail (also used, unsaved, by the preview endpoint)."""

from __future__ import annotations

from typing import Any

from pages.readability import reading_level
from pages.review.models import ArticleStamps
from pages.review.stamps import stamps_representation

from .. import locales, paths
from ..caching import tag_response
from ..images import attach_renditions, represent_image
from .blocks import build_blocks, collect_blocks, raw_stream
from .context import ResolveContext, note_context
from .jsonld import byline_person, citation, image_object, language, organization
from .related import ArticleRelated, load_article_related, related_from_object

ARTICLE_SELECT_RELATED = ("review_stamps", "hero_image", "og_image")


def _stamps_object(article: Any) -> Any:
    try:
        return article.review_stamps if article.pk else None
    except ArticleStamps.DoesNotExist:
        return None


def _stamps(article: Any) -> dict[str, Any]:
    return stamps_representation(_stamps_object(article))


def article_last_modified(article: Any) -> Any:
    stamps = _stamps_object(article)
    moments = [article.last_published_at, getattr(stamps, "computed_at", None)]
    return max((moment for moment in moments if moment), default=None)


REVIEWER_GROUPS = ("medical_providers", "clinical_providers")


def byline_reviewer_ids(byline: dict[str, Any] | None) -> list[int]:
    """Clinician ids of the reviewers on a stored byline (``ArticleStamps.byline``), in byline order: the one
    scan of bylines (cache tags, "articles reviewed", the ``provider`` filter facet)."""
    byline = byline or {}
    return [
        entry["provider_id"] for group in REVIEWER_GROUPS for entry in byline.get(group, []) if entry.get("provider_id")
    ]


def tag_article(request: Any, article: Any, related: ArticleRelated) -> None:
    """Cache tags: the article, its topics and (through ``vocabularies``) every other term it shows."""
    if request is None:
        return
    tags = {f"article-{article.pk}", "vocabularies", *(f"topic-{pk}" for pk in related.topic_ids)}
    stamps = _stamps_object(article)
    tags.update(f"provider-{pk}" for pk in byline_reviewer_ids(getattr(stamps, "byline", None)))
    tag_response(request, tags, article_last_modified(article))


def article_summary(article: Any, related: ArticleRelated) -> dict[str, Any]:
    stamps = _stamps(article)
    locale = locales.code_of(article.locale_id)
    return {
        "id": article.pk,
        "slug": article.slug,
        "locale": locale,
        "path": paths.article_path(article),
        "api_url": paths.article_api_url(article.slug, locale),
        "title": article.title,
        "summary": article.summary,
        "topics": related.topics,
        "levels_of_care": related.levels_of_care,
        "hero_image": represent_image(article.hero_image),
        "first_published": stamps["first_published"],
        "last_updated": stamps["last_updated"],
        "last_reviewed": stamps["last_reviewed"],
        "review_status": stamps["review_status"],
    }


def represent_article_summaries(articles: list[Any], request: Any = None) -> list[dict[str, Any]]:
    """Summaries of already-loaded public articles (``ARTICLE_SELECT_RELATED`` applied): two more queries per
    locale among them (term labels are in each article's own locale)."""
    related: dict[int, ArticleRelated] = {}
    for locale_id in dict.fromkeys(article.locale_id for article in articles):
        ids = [article.pk for article in articles if article.locale_id == locale_id]
        related.update(load_article_related(ids, locales.code_of(locale_id), crisis=False)[0])
    attach_renditions([article.hero_image for article in articles])
    for article in articles:
        tag_article(request, article, related.get(article.pk, ArticleRelated()))
    return [article_summary(article, related.get(article.pk, ArticleRelated())) for article in articles]


def represent_article_detail(article: Any, request: Any = None, *, prefetched: bool = False) -> dict[str, Any]:
    """The full article. ``article`` may be unsaved (a preview's ``revision.as_object()``): nothing assumes a
    live or saved root; everything it refers to is still filtered through the public querysets.

    ``prefetched`` (list/detail views): the article came from ``public_articles()`` with
    ``ARTICLE_SELECT_RELATED``, so its related rows are loaded in one union query.
    """
    locale = locales.code_of(article.locale_id)
    if prefetched:
        related_map, crisis = load_article_related([article.pk], locale)
        related = related_map.get(article.pk, ArticleRelated())
    else:
        related, crisis = related_from_object(article, locale)
    if not related.shows_crisis_resources:
        crisis = []

    stream = raw_stream(article.body)
    context = ResolveContext(extra_images=[article.hero_image, article.og_image])
    collect_blocks(stream, context)
    context.load()
    body = build_blocks(stream, context)
    note_context(request, context)
    tag_article(request, article, related)
    if request is not None:
        tag_response(
            request,
            [
                *context.page_tags(),
                *(f"center-{pk}" for pk in context.centers),
                *(f"provider-{pk}" for pk in context.providers),
                *(["centers"] if context.center_queries else []),
            ],
        )

    stamps = _stamps(article)
    path = paths.article_path(article)
    canonical_url = paths.frontend_url(path)
    seo_title = getattr(article, "seo_title", "") or article.title
    seo_description = getattr(article, "search_description", "") or article.summary
    data = {
        "id": article.pk,
        "slug": article.slug,
        "locale": locale,
        "path": path,
        "api_url": paths.article_api_url(article.slug, locale),
        "translations": article_translations(article, request),
        "title": article.title,
        "summary": article.summary,
        "hero_image": represent_image(article.hero_image),
        "topics": related.topics,
        "levels_of_care": related.levels_of_care,
        "byline": stamps["byline"],
        "first_published": stamps["first_published"],
        "last_updated": stamps["last_updated"],
        "last_reviewed": stamps["last_reviewed"],
        "next_review_due": stamps["next_review_due"],
        "review_status": stamps["review_status"],
        "reading_level": reading_level(article),
        "body": body,
        "references": related.references,
        "crisis_resources": crisis,
        "seo": {
            "title": seo_title,
            "description": seo_description,
            "canonical_url": canonical_url,
            "og_image": represent_image(article.og_image),
        },
    }
    data["json_ld"] = article_json_ld(data)
    return data


def article_translations(article: Any, request: Any = None) -> list[dict[str, Any]]:
    """The article's public translations in other locales (``{locale, path, api_url}``), in ``LANGUAGES`` order.

    Each one's own sign-off makes it public; an unsigned or unpublished translation is never listed (P rows).
    """
    from pages.review.visibility import public_articles

    if not getattr(article, "translation_key", None) or article.pk is None:
        return []
    rows = (
        public_articles()
        .filter(translation_key=article.translation_key)
        .exclude(pk=article.pk)
        .values_list("pk", "slug", "url_path", "locale_id")
    )
    order = {code: position for position, code in enumerate(locales.allowed())}
    found = []
    for pk, slug, url_path, locale_id in rows:
        code = locales.code_of(locale_id)
        found.append((order.get(code, len(order)), code, pk, slug, paths.page_path(url_path, locale_id)))
    if request is not None and found:
        tag_response(request, [f"article-{pk}" for _, _, pk, _, _ in found])
    return [
        {"locale": code, "path": path, "api_url": paths.article_api_url(slug, code)}
        for _, code, _, slug, path in sorted(found)
    ]


def article_json_ld(data: dict[str, Any]) -> dict[str, Any]:
    """schema.org MedicalWebPage whose main entity is the Article, with the reviewers who signed it off (each the
    same ``Person`` node as on their profile page), its references as ``citation`` and the organization."""
    byline = data["byline"]
    reviewers = [*byline["medical_providers"], *byline["clinical_providers"]]
    publisher = organization()
    image = image_object(data["hero_image"])
    in_language = language(data.get("locale"))
    article: dict[str, Any] = {
        "@type": "Article",
        "headline": data["title"],
        "description": data["summary"],
        "datePublished": data["first_published"],
        "dateModified": data["last_updated"],
        "author": [byline_person(author) for author in byline["authors"]] or publisher,
        "publisher": publisher,
        "inLanguage": in_language,
        "citation": [citation(reference) for reference in data["references"]],
    }
    if image:
        article["image"] = image
    json_ld = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": data["seo"]["canonical_url"],
        "url": data["seo"]["canonical_url"],
        "name": data["seo"]["title"],
        "description": data["seo"]["description"],
        "inLanguage": in_language,
        "lastReviewed": data["last_reviewed"],
        "reviewedBy": [byline_person(reviewer) for reviewer in reviewers],
        "about": [{"@type": "MedicalCondition", "name": topic["name"]} for topic in data["topics"]],
        "primaryImageOfPage": image,
        "mainEntity": {key: value for key, value in article.items() if value not in (None, [])},
    }
    return {key: value for key, value in json_ld.items() if value not in (None, [])}
