"""Builders for clinical-review tests: an article tree, reviewers and editors, signed revisions.

Providers come from ``tests.factories.providers``; pages are built through Wagtail's tree API so revisions,
paths and the workflow attachment behave as in the admin.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, Revision

from pages.models import ArticleIndexPage, ArticlePage, HomePage
from pages.review.eligibility import EDITORS_GROUP, REVIEWERS_GROUP
from pages.review.services import publish_signed, record_signoff
from tests.factories.providers import ProviderFactory

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def article_index() -> ArticleIndexPage:
    """The site's article index (created, with a home page, on first use)."""
    existing = ArticleIndexPage.objects.first()
    if existing:
        return existing
    root = Page.get_first_root_node()
    home = HomePage.objects.first() or root.add_child(instance=HomePage(title="Home", slug="verity-home"))
    return home.add_child(instance=ArticleIndexPage(title="Resources", slug="resources"))


def body(text: str) -> list[tuple[str, Any]]:
    from wagtail.rich_text import RichText

    return [("paragraph", RichText(f"<p>{text}</p>"))]


def draft_article(title: str | None = None, text: str = "First version.", **fields: Any) -> ArticlePage:
    """A never-published article with one saved revision."""
    number = next(_counter)
    title = title or f"Article {number}"
    page = ArticlePage(
        title=title,
        slug=fields.pop("slug", f"article-{number}"),
        summary=fields.pop("summary", "Summary."),
        body=body(text),
        live=False,
        **fields,
    )
    article_index().add_child(instance=page)
    page.save_revision()
    return ArticlePage.objects.get(pk=page.pk)


def edit(page: ArticlePage, user: Any = None, **changes: Any) -> Revision:
    """Save a new revision of ``page`` with ``changes`` (``text=`` replaces the body)."""
    page = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    if "text" in changes:
        page.body = body(changes.pop("text"))
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision(user=user)


def user(username: str | None = None, groups: tuple[str, ...] = (), **fields: Any) -> Any:
    account = get_user_model().objects.create_user(
        username=username or f"user{next(_counter)}",
        password=PASSWORD,
        email=f"u{next(_counter)}@example.com",
        **fields,
    )
    for name in groups:
        account.groups.add(Group.objects.get(name=name))
    return account


def editor(**fields: Any) -> Any:
    return user(groups=(EDITORS_GROUP,), **fields)


def reviewer(category: str = "medical", credentials: tuple[str, ...] = ("MD",), **provider_fields: Any) -> Any:
    """A user in the reviewers group, linked to a live clinician whose credentials are in good standing."""
    account = user(groups=(REVIEWERS_GROUP,), first_name=provider_fields.get("name", "Reviewer"))
    provider_fields.setdefault("name", f"Reviewer {next(_counter)}")
    ProviderFactory(category=category, user=account, credentials=list(credentials), **provider_fields)
    return account


def sign(revision: Revision, reviewer_user: Any, decision: str = "approved", **kwargs: Any) -> Any:
    kwargs.setdefault("attestation", True)
    return record_signoff(revision, reviewer_user, decision, **kwargs)


def published_article(reviewer_user: Any, at: datetime.datetime | None = None, **kwargs: Any) -> ArticlePage:
    """An article whose first revision is signed off by ``reviewer_user`` and live."""
    page = draft_article(**kwargs)
    revision = page.get_latest_revision()
    sign(revision, reviewer_user, at=at)
    publish_signed(revision, at=at)
    return ArticlePage.objects.get(pk=page.pk)
