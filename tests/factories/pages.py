"""factory_boy / wagtail-factories factories for the page tree: home, article indexes, articles and references.

Examples::

    home = site_home()                              # the HomePage the default Site points at
    article = ArticlePageFactory()                  # under /resources/, valid body citing reference 1
    ArticlePageFactory(topics=["depression"], levels_of_care=["intensive-outpatient"], authors=[provider])
    ArticlePageFactory(body=[("paragraph", "<p>Hi</p>")], references=[])
    ArticlePageFactory(draft=True)                  # never published (live=False)
    page = draft_article(text="First version.")     # never published, one saved revision, a one-paragraph body
    revision = edit(page, text="Second version.")   # a new revision of the latest content

Articles are created as Wagtail creates pages in code (``live=True`` without a revision) and are therefore
*not* public: public visibility needs a live revision with an approved sign-off (see ``pages.review``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

import factory
import wagtail_factories
from wagtail.models import Page, Revision, Site
from wagtail.rich_text import RichText

from pages.blocks import ActionKind
from pages.models import ArticleAuthor, ArticleIndexPage, ArticlePage, ArticleReference, HomePage

from .providers import LevelOfCareFactory, TopicFactory


def root_page() -> Page:
    return Page.get_first_root_node()


class HomePageFactory(wagtail_factories.PageFactory):
    """The site's home page, directly under the tree root; reused when it already exists (there is only one)."""

    title = "Home"
    slug = "verity-home"
    parent = factory.LazyFunction(root_page)

    class Meta:
        model = HomePage
        django_get_or_create = ("slug", "parent")


def site_home() -> HomePage:
    """The HomePage served by the default Site (created and wired up if needed), so page paths start at it."""
    home = HomePage.objects.first() or HomePageFactory()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Verity")
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    return home


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    """An article section (``/resources/`` by default) under the site's home page; reused by slug."""

    title = "Resources"
    slug = "resources"
    intro = "Articles reviewed by our clinicians."
    parent = factory.LazyFunction(site_home)

    class Meta:
        model = ArticleIndexPage
        django_get_or_create = ("slug", "parent")


def reference_data(number: int = 1) -> dict[str, Any]:
    return {
        "title": "Major Depression" if number == 1 else f"Source {number}",
        "publisher": "National Institute of Mental Health",
        "url": "https://www.nimh.nih.gov/health/statistics/major-depression",
        "year": 2023,
        "accessed_on": datetime.date(2025, 12, 20),
    }


def article_body(*, cite: Iterable[int] = (1,)) -> list[tuple[str, Any]]:
    """A valid body using the common blocks; the statistic cites the given reference numbers."""
    return [
        ("paragraph", "<p>Living with depression can feel exhausting.</p>"),
        ("heading", {"text": "What an IOP Is", "level": "2", "anchor": ""}),
        (
            "statistic",
            {
                "value": "21 million",
                "text": "adults in the U.S. experience at least one major depressive episode",
                "citations": list(cite),
            },
        ),
        ("list", {"style": "bulleted", "items": ["<p>Group therapy</p>", "<p>Skills training</p>"]}),
        (
            "call_to_action",
            {
                "primary": {"label": "Start personalized outpatient care", "kind": ActionKind.INTAKE},
                "secondary": {"label": "Find a center", "kind": ActionKind.CENTER_LOCATOR},
            },
        ),
    ]


def _terms(factory_class: type, values: Iterable[Any]) -> list[Any]:
    """Vocabulary terms given as slugs (looked up or created) or instances."""
    return [factory_class(slug=value) if isinstance(value, str) else value for value in values]


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article under ``/resources/`` with a valid body (a statistic citing reference 1) and one reference.

    ``references`` takes a list of ArticleReference instances (unsaved) or dicts; ``topics`` / ``levels_of_care``
    take slugs or instances; ``authors`` takes Provider instances.
    """

    title = factory.Sequence(lambda n: f"Article {n}")
    summary = "What to expect and how it works."
    parent = factory.SubFactory(ArticleIndexPageFactory)
    body = factory.LazyFunction(article_body)
    change_kind = ArticlePage.ChangeKind.SUBSTANTIVE
    references = factory.LazyFunction(lambda: [reference_data(1)])

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True  # the hooks below save when they change the page

    class Params:
        draft = factory.Trait(live=False)

    @classmethod
    def _create(cls, model_class: type[ArticlePage], *args: Any, **kwargs: Any) -> ArticlePage:
        # References are built in memory so the page validates (statistic citations) when it is first saved.
        # Their position (sort_order) is their citation number, so it is set explicitly.
        references = [
            ArticleReference(**reference) if isinstance(reference, dict) else reference
            for reference in kwargs.get("references") or []
        ]
        for position, reference in enumerate(references):
            reference.sort_order = position
        kwargs["references"] = references
        return super()._create(model_class, *args, **kwargs)

    @factory.post_generation
    def topics(page: ArticlePage, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            page.topics.set(_terms(TopicFactory, extracted))
            page.save()

    @factory.post_generation
    def levels_of_care(page: ArticlePage, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            page.levels_of_care.set(_terms(LevelOfCareFactory, extracted))
            page.save()

    @factory.post_generation
    def authors(page: ArticlePage, create: bool, extracted: Iterable[Any] | None, **kwargs: Any) -> None:
        if create and extracted:
            page.authors = [ArticleAuthor(provider=provider) for provider in extracted]
            page.save()


def article_index() -> ArticleIndexPage:
    """The site's article index ``/resources/`` (created, with the home page and site, on first use)."""
    return ArticleIndexPageFactory()


def rich(html: str) -> RichText:
    return RichText(html)


def body(text: str) -> list[tuple[str, Any]]:
    """A body of one paragraph saying ``text``."""
    return [("paragraph", rich(f"<p>{text}</p>"))]


def draft_article(title: str | None = None, text: str | None = None, **fields: Any) -> ArticlePage:
    """A never-published article with one saved revision (``ArticlePageFactory`` fields accepted).

    ``text`` replaces the factory body with one paragraph saying it.
    """
    if title is not None:
        fields["title"] = title
    if text is not None:
        fields["body"] = body(text)
    page = ArticlePageFactory(live=False, **fields)
    page.save_revision()
    return ArticlePage.objects.get(pk=page.pk)


def edit(page: ArticlePage, user: Any = None, **changes: Any) -> Revision:
    """Save a new revision of ``page``'s latest content with ``changes`` (``text=`` replaces the body)."""
    page = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    if "text" in changes:
        page.body = body(changes.pop("text"))
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision(user=user)


class ArticleReferenceFactory(factory.django.DjangoModelFactory):
    """A saved reference appended to an existing article (``ArticleReferenceFactory(page=article)``)."""

    page = factory.SubFactory(ArticlePageFactory)
    sort_order = factory.LazyAttribute(lambda reference: reference.page.references.count())
    title = factory.Sequence(lambda n: f"Source {n}")
    publisher = "National Institute of Mental Health"
    url = "https://www.nimh.nih.gov/health/statistics/major-depression"
    year = 2023
    accessed_on = datetime.date(2025, 12, 20)

    class Meta:
        model = ArticleReference


__all__ = [
    "ArticleIndexPageFactory",
    "ArticlePageFactory",
    "ArticleReferenceFactory",
    "HomePageFactory",
    "article_body",
    "article_index",
    "body",
    "draft_article",
    "edit",
    "reference_data",
    "rich",
    "root_page",
    "site_home",
]
