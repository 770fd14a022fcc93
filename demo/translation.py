"""The demo's Spanish translation of the seed article, made the way editors make one and reviewed per locale.

The home page and ``/resources/`` are copied into the Spanish tree and published (no clinical review applies to
them); the article is copied for translation (Wagtail's simple translation path, so the translation records the
source revision it follows), its words replaced with ``demo.article_es`` (a DEMO TRANSLATION), then signed off by
the demo's Spanish-reading reviewer through the clinical-review services and published — the gate refuses it
otherwise. Idempotent: an existing Spanish translation is left as it is.

The clinicians, sample centers and terms the article shows get their Spanish text too
(:func:`ensure_spanish_snippets`, from ``demo.snippets_es``), so the Spanish article's bylines, centers and labels
read in Spanish.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page

from pages.models import ArticlePage
from providers.models import Provider

from . import article_es, snippets_es
from .base import LoadReport

SPANISH = "es"
LISTING_TITLES = {"home": "Inicio", "resources": "Recursos"}


def _translated(page: Page, locale: Locale) -> Page:
    """``page``'s translation in ``locale``, copied (and its ancestors first) when missing."""
    if page.has_translation(locale):
        return page.get_translation(locale)
    parent = page.get_parent()
    if not parent.is_root():
        _translated(parent.specific, locale)
    return CopyPageForTranslationAction(page.specific, locale).execute(skip_permission_checks=True).specific


def _published_listing(page: Page, locale: Locale) -> Page:
    translation = _translated(page, locale).specific
    if not translation.live:
        translation.title = LISTING_TITLES.get(page.slug, translation.title)
        translation.save_revision().publish()
    return translation


def ensure_spanish_article(
    article: ArticlePage,
    clinicians: dict[str, Provider],
    report: LoadReport,
    *,
    build_body: Callable[[dict[str, Page], list[tuple[Any, ...]]], list[dict[str, Any]]],
) -> ArticlePage | None:
    from pages.review.services import publish_signed, record_signoff

    locale = Locale.objects.filter(language_code=SPANISH).first()
    if locale is None:
        return None  # Spanish is not among LANGUAGES
    if article.has_translation(locale):
        report.note(False, "Spanish translation /es/resources/")
        return article.get_translation(locale).specific
    reviewers = [(clinicians[slug], at, note) for slug, at, note in article_es.SIGNOFFS]
    if not all(provider.reads_language(SPANISH) for provider, _, _ in reviewers):
        report.note(False, "Spanish translation (skipped: its demo reviewer's profile does not list Spanish)")
        return None
    index = article.get_parent().specific
    for listing in (index.get_parent().specific, index):
        _published_listing(listing, locale)
    spanish = _translated(article, locale).specific
    spanish.title, spanish.draft_title = article_es.TITLE, article_es.TITLE
    spanish.summary = article_es.SUMMARY
    spanish.seo_title, spanish.search_description = article_es.SEO_TITLE, article_es.SEARCH_DESCRIPTION
    body = build_body({"resources": index.get_translation(locale)}, article_es.BODY)
    spanish.body = ArticlePage.body.field.stream_block.to_python(body)
    spanish.save()
    revision = spanish.save_revision(clean=True)
    for provider, signed_at, note in reviewers:
        record_signoff(revision, provider.user, "approved", attestation=True, note=note, at=signed_at)
    publish_signed(revision, at=article_es.PUBLISHED_AT)
    report.note(True, f"Spanish translation /es/resources/{spanish.slug}/")
    return spanish


def ensure_spanish_snippets(report: LoadReport) -> None:
    """Spanish rows for the demo clinicians, sample centers and the terms the Spanish article shows
    (``demo.snippets_es``, a DEMO TRANSLATION). Clinicians and centers are published with the rows (their
    revisions carry them, so the next edit keeps them); terms have no revisions. Existing rows are kept."""
    from providers import models as provider_models
    from providers.models import Provider, ProviderTranslation, TreatmentCenter, TreatmentCenterTranslation

    locale = Locale.objects.filter(language_code=SPANISH).first()
    if locale is None:
        return  # Spanish is not among LANGUAGES
    for provider in Provider.objects.filter(slug__in=snippets_es.CLINICIANS):
        text = snippets_es.CLINICIANS[provider.slug]
        _publish_with_row(provider, ProviderTranslation(locale=locale, **text), report, f"clinician {provider.slug}")
    for center in TreatmentCenter.objects.filter(is_sample_listing=True, slug__endswith="-sample"):
        row = TreatmentCenterTranslation(locale=locale, summary=snippets_es.center_summary(center.city))
        _publish_with_row(center, row, report, f"center {center.slug}")
    created = 0
    for model_name, labels in snippets_es.TERMS.items():
        model = getattr(provider_models, model_name)
        translation_model = model._meta.get_field("translations").related_model
        for term in model.objects.filter(slug__in=labels):
            _, made = translation_model.objects.get_or_create(
                term=term, locale=locale, defaults={"name": labels[term.slug]}
            )
            created += made
    report.note(created > 0, f"Spanish labels of {created or 'the'} vocabulary terms")


def _publish_with_row(obj: Any, row: Any, report: LoadReport, label: str) -> None:
    if obj.translations.filter(locale=row.locale).exists():
        report.note(False, f"Spanish text of {label}")
        return
    obj.translations.add(row)
    obj.save_revision().publish()
    report.note(True, f"Spanish text of {label}")
