"""Derived stamps of an article, stored for fast reads. Only ``pages.review.stamps.recompute`` writes them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReviewStatus(models.TextChoices):
    CURRENT = "current", "Current"
    DUE = "due", "Due soon"
    OVERDUE = "overdue", "Overdue"
    NOT_REVIEWED = "not_reviewed", "Not reviewed"


def review_due_horizon(today: datetime.date) -> datetime.date:
    """The last ``next_review_due`` that counts as "due soon" on ``today``."""
    return today + datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS)


def review_status_for(next_review_due: datetime.date | None, today: datetime.date | None = None) -> str:
    """current / due (within REVIEW_DUE_SOON_DAYS) / overdue — computed at read time: it moves with the calendar."""
    if next_review_due is None:
        return ReviewStatus.NOT_REVIEWED.value
    today = today or timezone.localdate()
    if next_review_due < today:
        return ReviewStatus.OVERDUE.value
    if next_review_due <= review_due_horizon(today):
        return ReviewStatus.DUE.value
    return ReviewStatus.CURRENT.value


class ArticleStamps(models.Model):
    """ "First published", "last updated", "last reviewed", "next review due" and the reviewer byline.

    A denormalised cache (never edited in the admin: it has no panels and no fields are editable) kept
    beside the page rather than on it, because publishing a revision overwrites page fields from the
    revision's content. ``byline`` is stored in the API contract's shape (see ``stamps.byline_representation``).
    """

    page = models.OneToOneField(
        "pages.ArticlePage", primary_key=True, on_delete=models.CASCADE, related_name="review_stamps"
    )
    live_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    first_published_at = models.DateTimeField(null=True, db_index=True, editable=False)
    last_updated_at = models.DateTimeField(null=True, db_index=True, editable=False)
    last_reviewed_at = models.DateTimeField(null=True, editable=False)
    next_review_due = models.DateField(null=True, db_index=True, editable=False)
    credentials_last_verified = models.DateField(null=True, editable=False)
    byline = models.JSONField(default=dict, editable=False)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "article stamps"
        verbose_name_plural = "article stamps"

    def __str__(self) -> str:
        return f"Stamps for article {self.page_id}"

    @staticmethod
    def _date(value: datetime.datetime | None) -> datetime.date | None:
        return timezone.localdate(value) if value else None

    @property
    def first_published(self) -> datetime.date | None:
        return self._date(self.first_published_at)

    @property
    def last_updated(self) -> datetime.date | None:
        return self._date(self.last_updated_at)

    @property
    def last_reviewed(self) -> datetime.date | None:
        return self._date(self.last_reviewed_at)

    def review_status(self, today: datetime.date | None = None) -> str:
        return review_status_for(self.next_review_due, today)
