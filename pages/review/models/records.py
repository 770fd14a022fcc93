"""Facts the stamps are computed from: when which revision went live, and each revision's content fingerprint."""

from __future__ import annotations

from django.db import models


class RevisionFingerprint(models.Model):
    """The content hash of one article revision, kept in step with the revision on every save.

    Lets SQL (the public-article queryset) compare a page's live revision with its sign-offs without
    loading revision JSON. Written only by ``pages.review.signals`` from the revision's content.
    """

    revision = models.OneToOneField(
        "wagtailcore.Revision", primary_key=True, on_delete=models.CASCADE, related_name="review_fingerprint"
    )
    content_hash = models.CharField(max_length=64, db_index=True)

    def __str__(self) -> str:
        return f"revision {self.revision_id}: {self.content_hash[:12]}"


class Publication(models.Model):
    """One publish of an article revision (every path: admin, workflow, bulk, scheduled, shell).

    Recorded from Wagtail's ``page_published`` signal. "Last updated" is derived from these rows, because
    a revision alone does not say when (or whether) it went live.
    """

    page = models.ForeignKey("pages.ArticlePage", on_delete=models.CASCADE, related_name="publications")
    revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    content_hash = models.CharField(max_length=64)
    change_kind = models.CharField(max_length=12)
    published_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["published_at", "pk"]

    def __str__(self) -> str:
        return f"{self.page_id} revision {self.revision_id} at {self.published_at:%Y-%m-%d %H:%M}"
