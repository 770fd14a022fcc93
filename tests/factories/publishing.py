"""Sign-offs and publication the way production does them: a revision approved by an eligible clinical reviewer,
published through ``publish_signed`` (so the publish gate and the derived stamps apply).

Examples::

    page = published_article(reviewer())                  # one revision, signed and live
    page = public_article(title="IOP", topics=["depression"])  # ArticlePageFactory fields, signed and live
    sign(edit(page, text="New words."), reviewer())       # a signed draft, not published
"""

from __future__ import annotations

import datetime
from typing import Any

from wagtail.models import Revision

from pages.models import ArticlePage
from pages.review.services import publish_signed, record_signoff

from .accounts import default_reviewer, reviewer
from .pages import ArticlePageFactory, draft_article, edit


def sign(revision: Revision, reviewer_user: Any, decision: str = "approved", **kwargs: Any) -> Any:
    """Record ``reviewer_user``'s decision on ``revision`` (approvals attest by default)."""
    kwargs.setdefault("attestation", True)
    return record_signoff(revision, reviewer_user, decision, **kwargs)


def publish(page: ArticlePage, reviewers: list[Any] | None = None, at: datetime.datetime | None = None) -> ArticlePage:
    """Sign off the page's current content by ``reviewers`` and publish it; returns the fresh page."""
    revision = page.save_revision()
    for account in reviewers or [default_reviewer()]:
        record_signoff(revision, account, "approved", attestation=True, note="Reviewed in full.", at=at)
    publish_signed(revision, at=at)
    return ArticlePage.objects.get(pk=page.pk)


def public_article(
    reviewers: list[Any] | None = None, at: datetime.datetime | None = None, **fields: Any
) -> ArticlePage:
    """A live, signed-off article (``ArticlePageFactory`` fields accepted)."""
    fields.setdefault("live", False)
    return publish(ArticlePageFactory(**fields), reviewers, at)


def published_article(reviewer_user: Any, at: datetime.datetime | None = None, **kwargs: Any) -> ArticlePage:
    """An article whose first revision is signed off by ``reviewer_user`` and live (``draft_article`` arguments)."""
    page = draft_article(**kwargs)
    revision = page.get_latest_revision()
    sign(revision, reviewer_user, at=at)
    publish_signed(revision, at=at)
    return ArticlePage.objects.get(pk=page.pk)


def live_article_with_draft() -> ArticlePage:
    """Live and signed off by Dr. Michael Vines ("Live title"), with a newer unreviewed draft ("Draft title")."""
    reviewer_user = reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    page = published_article(reviewer_user, title="Live title", text="Live text.")
    edit(page, title="Draft title", text="Draft text.")
    page.refresh_from_db()
    return page


__all__ = ["live_article_with_draft", "public_article", "publish", "published_article", "sign"]
