"""Load the demo content idempotently: what exists (matched by slug / username) is left as it is.

``load_demo()`` creates, in one transaction, whatever is missing of: the site's home page (replacing Wagtail's
"Welcome" placeholder), the ``resources`` article index, the sample centers, the three clinicians with their
reviewer accounts, and the seed article — signed off by the clinicians and published through the clinical-review
services, so it goes live the way any article does — with its demo Spanish translation (``demo.translation``),
signed off by a Spanish-reading reviewer. Running it again changes nothing.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page, Site

from pages.blocks import ActionKind
from pages.models import ArticleIndexPage, ArticlePage, ArticleReference, HomePage
from pages.review.services import publish_signed, record_signoff
from pages.review.stamps import recompute
from providers.models import LevelOfCare, Provider, Topic, TreatmentCenter

from . import article as seed
from . import images
from .base import DemoDataError, LoadReport, terms
from .centers import CENTERS
from .clinicians import CLINICIANS
from .snippets import ensure_center, ensure_clinician
from .translation import ensure_spanish_article, ensure_spanish_snippets

__all__ = ["DemoDataError", "LoadReport", "load_demo"]

WAGTAIL_WELCOME_TITLE = "Welcome to your new Wagtail site!"
SITE_NAME = "Verity"
INDEX = {"slug": "resources", "title": "Resources", "intro": "Articles on mental health and addiction treatment."}


# --- Site and page tree -------------------------------------------------------------------------


def ensure_home(report: LoadReport) -> HomePage:
    """The HomePage the default site serves; replaces Wagtail's untouched "Welcome" placeholder page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    created = home is None
    if created:
        slug = "home" if not root.get_children().filter(slug="home").exists() else "verity-home"
        home = root.add_child(instance=HomePage(title="Home", slug=slug))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk or site.site_name != SITE_NAME:
        site.root_page, site.site_name = home, SITE_NAME
        site.save()
    for placeholder in root.get_children().exact_type(Page).filter(title=WAGTAIL_WELCOME_TITLE, numchild=0):
        if not Site.objects.filter(root_page=placeholder).exists():
            placeholder.delete()
    if home.slug != "home" and not root.get_children().filter(slug="home").exists():
        home.slug = "home"
        home.save()
    report.note(created, "home page")
    return home


def ensure_index(home: HomePage, report: LoadReport) -> ArticleIndexPage:
    index = ArticleIndexPage.objects.child_of(home).filter(slug=INDEX["slug"]).first()
    created = index is None
    if created:
        index = home.add_child(instance=ArticleIndexPage(**INDEX))
        index.save_revision().publish()
    report.note(created, f"article index /{INDEX['slug']}/")
    return index


# --- The seed article ---------------------------------------------------------------------------


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def action_value(action: dict[str, str], pages: dict[str, Page]) -> dict[str, Any]:
    value: dict[str, Any] = {"label": action["label"], "kind": action["kind"]}
    if action["kind"] == ActionKind.PAGE:
        value["page"] = pages[action["page"]].pk
    if action["kind"] == ActionKind.PHONE:
        value["phone"] = action["phone"]
    return value


def article_body(pages: dict[str, Page], items: list[tuple[Any, ...]] | None = None) -> list[dict[str, Any]]:
    """Raw StreamField data for the seed article's body, or for ``items`` in the same form (its translation);
    see ``demo.article`` for the item kinds."""
    centers = {center.slug: center.pk for center in TreatmentCenter.objects.all()}
    blocks: list[tuple[str, Any]] = []
    for kind, *args in seed.BODY if items is None else items:
        if kind == "heading":
            blocks.append(("heading", {"text": args[0], "level": "2", "anchor": ""}))
        elif kind == "paragraph":
            blocks.append(("paragraph", paragraph_html(args[0])))
        elif kind == "bullets":
            blocks.append(("list", {"style": "bulleted", "items": [paragraph_html(item) for item in args[0]]}))
        elif kind == "cta":
            primary, secondary = args
            blocks.append(
                (
                    "call_to_action",
                    {"primary": action_value(primary, pages), "secondary": action_value(secondary, pages)},
                )
            )
        elif kind == "statistic":
            value, text, citations = args
            blocks.append(("statistic", {"value": value, "text": text, "citations": citations}))
        elif kind == "treatment_centers":
            heading, slugs = args
            blocks.append(("treatment_centers", {"heading": heading, "centers": [centers[slug] for slug in slugs]}))
        elif kind == "spotlight":
            center, heading, paragraphs = args
            blocks.append(
                (
                    "program_spotlight",
                    {
                        "center": centers[center],
                        "heading": heading,
                        "body": "".join(paragraph_html(text) for text in paragraphs),
                        "action": {},
                    },
                )
            )
        else:  # pragma: no cover - a typo in the data module
            raise DemoDataError(f"Unknown demo body item {kind!r}")
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def build_article(index: ArticleIndexPage) -> ArticlePage:
    """Create the seed article as a draft (not yet live) with its first revision."""
    article = ArticlePage(
        title=seed.TITLE,
        slug=seed.SLUG,
        summary=seed.SUMMARY,
        seo_title=seed.SEO_TITLE,
        search_description=seed.SEARCH_DESCRIPTION,
        change_kind=ArticlePage.ChangeKind.SUBSTANTIVE,
        live=False,
        references=[
            ArticleReference(**reference, sort_order=number) for number, reference in enumerate(seed.REFERENCES)
        ],
    )
    article.body = ArticlePage.body.field.stream_block.to_python(article_body({"resources": index}))
    article.hero_image = images.ensure_image(images.SEED_HERO)
    article.topics = terms(Topic, seed.TOPICS)
    article.levels_of_care = terms(LevelOfCare, seed.LEVELS_OF_CARE)
    index.add_child(instance=article)
    return article


def sign_off_and_publish(article: ArticlePage, reviewers: list[tuple[Any, datetime.datetime, str]]) -> None:
    """Record each clinician's approval of the article's latest revision, then publish it on the seed's date.

    Goes through the clinical-review services, so the publish gate applies exactly as in the admin.
    """
    revision = article.save_revision(clean=True)
    published_at = seed.PUBLICATION["published_at"]
    type(revision).objects.filter(pk=revision.pk).update(created_at=published_at)
    for user, signed_at, note in reviewers:
        record_signoff(revision, user, "approved", attestation=True, note=note, at=signed_at)
    publish_signed(revision, at=published_at)
    # The article's history predates Verity: it was first published on the seed's original date.
    Page.objects.filter(pk=article.pk).update(first_published_at=seed.PUBLICATION["first_published_at"])
    recompute(article)


def ensure_article(index: ArticleIndexPage, clinicians: dict[str, Provider], report: LoadReport) -> ArticlePage:
    article = ArticlePage.objects.child_of(index).filter(slug=seed.SLUG).first()
    if article is not None:
        report.note(False, f"article /{index.slug}/{article.slug}/")
        return article
    article = build_article(index)
    sign_off_and_publish(article, [(clinicians[slug].user, at, note) for slug, at, note in seed.SIGNOFFS])
    report.note(True, f"article /{index.slug}/{article.slug}/")
    return article


@transaction.atomic
def load_demo() -> LoadReport:
    """Create whatever demo content is missing. Safe to run repeatedly and on a database that has other data."""
    report = LoadReport()
    home = ensure_home(report)
    index = ensure_index(home, report)
    for data in CENTERS:
        ensure_center(data, report)
    clinicians = {data["slug"]: ensure_clinician(data, report) for data in CLINICIANS}
    images.ensure_portrait(clinicians[images.PORTRAIT_CLINICIAN])
    article = ensure_article(index, clinicians, report)
    ensure_spanish_snippets(report)
    ensure_spanish_article(article, clinicians, report, build_body=article_body)
    return report
