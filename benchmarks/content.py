"""Benchmark content: many long, signed-off, published articles cloned from the demo article."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction

REVIEWER_USERNAMES_SETTING = "reviewers"


def demo_article():
    from pages.models import ArticlePage

    return ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")


def reviewers_of(article) -> list:
    from pages.review.models import SignOff

    user_ids = (
        SignOff.objects.filter(revision__object_id=str(article.pk), decision="approved")
        .values_list("reviewer_id", flat=True)
        .distinct()
    )
    return list(get_user_model().objects.filter(pk__in=user_ids))


def ensure_articles(count: int) -> list[int]:
    """Make sure ``count`` published clones of the demo article exist; return their ids in slug order."""
    from pages.models import ArticlePage
    from pages.review.services import publish_signed, record_signoff

    source = demo_article()
    index = source.get_parent()
    reviewers = reviewers_of(source)
    existing = ArticlePage.objects.filter(slug__startswith="bench-article-").count()
    at = datetime.datetime(2025, 12, 22, 15, 0, tzinfo=datetime.UTC)
    for number in range(existing, count):
        with transaction.atomic():
            article = ArticlePage(
                title=f"{source.title} ({number})",
                slug=f"bench-article-{number:05d}",
                summary=source.summary,
                body=source.body.raw_data,
                live=False,
            )
            index.add_child(instance=article)
            article.topics.set(source.topics.all())
            article.levels_of_care.set(source.levels_of_care.all())
            for reference in source.references.all():
                article.references.create(
                    title=reference.title,
                    publisher=reference.publisher,
                    url=reference.url,
                    year=reference.year,
                    accessed_on=reference.accessed_on,
                    sort_order=reference.sort_order,
                )
            revision = article.save_revision()
            for reviewer in reviewers:
                record_signoff(revision, reviewer, "approved", attestation=True, note="Benchmark copy.", at=at)
            publish_signed(revision, at=at)
    return list(
        ArticlePage.objects.filter(slug__startswith="bench-article-").order_by("slug").values_list("id", flat=True)
    )


def publish_edit(article_id: int, title: str) -> None:
    """A new revision with ``title``, signed off by the article's reviewers and published (the gate's path)."""
    from pages.models import ArticlePage
    from pages.review.services import publish_signed, record_signoff

    with transaction.atomic():
        article = ArticlePage.objects.get(pk=article_id)
        reviewers = reviewers_of(article) or reviewers_of(demo_article())
        article.title = title
        revision = article.save_revision()
        for reviewer in reviewers:
            record_signoff(revision, reviewer, "approved", attestation=True, note="Benchmark edit.")
        publish_signed(revision)
