"""Wagtail page models: the home page, article indexes and clinically reviewed articles."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index

from api import paths

from .blocks import ArticleBodyBlock, cited_reference_errors
from .fields import StreamField
from .forms import ArticlePageForm


class HeadlessPage(Page):
    """Links to a page lead to the headless frontend, the only public site.

    The CMS host serves no page (``cms.urls.no_public_pages`` answers 404 for every page URL). Wagtail builds
    every link to a page from ``get_url_parts``: the admin's "View live" (page listing, the edit header's
    "Live" tag, the "published" message), workflow e-mails and preview requests. Here that is the page's
    frontend URL: ``FRONTEND_BASE_URL`` plus the path the API hands out (``api.paths.page_path``). With no
    frontend base URL the page has no URL, and Wagtail shows no "View live" link.
    """

    def get_url_parts(self, request: HttpRequest | None = None) -> tuple[Any, ...] | None:
        parts = super().get_url_parts(request)
        if parts is None:
            return None  # not below any site: Wagtail's "not routable"
        if not settings.FRONTEND_BASE_URL:
            return (parts[0], None, None)  # no URL, but still knows its site (``get_site``)
        return (parts[0], settings.FRONTEND_BASE_URL, paths.page_path(self.url_path))

    def get_url(self, request: HttpRequest | None = None, current_site: Any = None) -> str | None:
        # Wagtail shortens a URL on the current site to its path; the frontend is never this host.
        return self.get_full_url(request)

    url = property(get_url)

    class Meta:
        abstract = True


class HomePage(HeadlessPage):
    """The site root. Holds article indexes."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.ArticleIndexPage"]
    max_count = 1
    preview_modes: list = []  # nothing to preview: the frontend designs its own home page

    class Meta:
        verbose_name = "home page"


class ArticleIndexPage(HeadlessPage):
    """A section of articles, e.g. /resources/. Clinical review applies to every article below it."""

    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ArticlePage"]
    preview_modes: list = []  # nothing to preview: the frontend lists the articles

    class Meta:
        verbose_name = "article index"


class ArticlePage(HeadlessPage):
    """A long-form health article whose live revision is signed off by clinical reviewers."""

    class ChangeKind(models.TextChoices):
        SUBSTANTIVE = "substantive", "Substantive — changes what the article says (moves “last updated”)"
        MINOR = "minor", "Minor — typo, formatting or link fix (keeps “last updated”)"

    summary = models.TextField(max_length=600, help_text="One or two sentences shown in lists and search results.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = ParentalManyToManyField("providers.Topic", blank=True, related_name="articles")
    levels_of_care = ParentalManyToManyField("providers.LevelOfCare", blank=True, related_name="articles")
    body = StreamField(ArticleBodyBlock())
    og_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="social sharing image",
    )
    change_kind = models.CharField(
        "this change is",
        max_length=12,
        choices=ChangeKind.choices,
        default=ChangeKind.SUBSTANTIVE,
        help_text="Only substantive changes move the article's “last updated” date.",
    )

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name", boost=2)]),
        index.RelatedFields("levels_of_care", [index.SearchField("name")]),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        InlinePanel("references", heading="References", label="Reference"),
        FieldPanel("change_kind"),
    ]
    classification_panels = [
        FieldPanel("topics"),
        FieldPanel("levels_of_care"),
        InlinePanel("authors", heading="Authors", label="Author"),
    ]
    promote_panels = Page.promote_panels + [FieldPanel("og_image")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(classification_panels, heading="Classification"),
            ObjectList(promote_panels, heading="SEO"),
            ObjectList(Page.settings_panels, heading="Settings"),
        ]
    )

    parent_page_types = ["pages.ArticleIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    class Meta:
        verbose_name = "article"

    def clean(self) -> None:
        super().clean()
        # Every statistic citation must point at one of this article's references (numbered from 1).
        # The admin form runs the same check against the references being submitted and skips this one.
        if getattr(self, "skip_citation_check", False):
            return
        error = cited_reference_errors(self.body, len(self.references.all()))
        if error is not None:
            raise ValidationError({"body": error})

    def get_preview_template(self, request, mode_name: str) -> str:
        return "previews/article.html"


class ArticleReference(Orderable):
    """A numbered citation. Its number is its position; statistic blocks cite it by that number."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    accessed_on = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("publisher"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("url"), FieldPanel("accessed_on")]),
    ]

    def __str__(self) -> str:
        return self.title


class ArticleAuthor(Orderable):
    """A clinician credited as author (distinct from the reviewers, who are derived from sign-offs)."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="authors")
    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="authored")

    panels = [FieldPanel("provider")]


def is_article(obj: Any) -> bool:
    """Is ``obj`` an article? The one way to ask, for every form the question comes in: a page (generic ``Page``
    or specific, saved or new), a page class, or a revision of a page.

    A generic ``Page`` answers through its content type (``specific_class``), so no ``.specific`` query is needed.
    """
    if isinstance(obj, Revision):
        model = obj.content_type.model_class()
    elif isinstance(obj, type):
        model = obj
    else:
        model = getattr(obj, "specific_class", None) or type(obj)
    return model is not None and issubclass(model, ArticlePage)
