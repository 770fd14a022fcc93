"""The content event log: one row per publish, unpublish, delete or compliance notice.

Rows are written only by :func:`api.events.record_event`. The auto-incrementing ``id`` is the change-feed
cursor; recording takes a transaction-scoped lock on PostgreSQL so ids become visible in commit order and a
reader that has seen id N never later finds a smaller id appear.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class EventType(models.TextChoices):
    ARTICLE_PUBLISHED = "article.published", "Article published"
    ARTICLE_UNPUBLISHED = "article.unpublished", "Article unpublished"
    ARTICLE_DELETED = "article.deleted", "Article deleted"
    PROVIDER_PUBLISHED = "provider.published", "Clinician published"
    PROVIDER_UNPUBLISHED = "provider.unpublished", "Clinician unpublished"
    PROVIDER_DELETED = "provider.deleted", "Clinician deleted"
    CENTER_PUBLISHED = "center.published", "Center published"
    CENTER_UNPUBLISHED = "center.unpublished", "Center unpublished"
    CENTER_DELETED = "center.deleted", "Center deleted"
    REVIEW_DUE = "review.due", "Clinical review due"
    CREDENTIAL_EXPIRING = "credential.expiring", "Credential expiring"


# Events about what the public can see; the change feed lists only these.
PUBLICATION_EVENT_TYPES: frozenset[str] = frozenset(
    value for value in EventType.values if value.rsplit(".", 1)[1] in {"published", "unpublished", "deleted"}
)


class ContentEvent(models.Model):
    id = models.BigAutoField(primary_key=True)
    event_type = models.CharField(max_length=64, choices=EventType.choices, db_index=True)
    object_type = models.CharField(max_length=32, help_text="article, provider or center")
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    object_id = models.CharField(max_length=64)
    slug = models.CharField(max_length=255, blank=True)
    paths = models.JSONField(default=list, blank=True, help_text="Frontend paths affected.")
    cache_tags = models.JSONField(default=list, blank=True, help_text="Cache tags to purge.")
    data = models.JSONField(default=dict, blank=True, help_text="Details of compliance notices (dates, codes).")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["content_type", "object_id", "-id"], name="api_event_object_idx")]
        verbose_name = "content event"

    def __str__(self) -> str:
        return f"#{self.pk} {self.event_type} {self.object_type} {self.slug or self.object_id}"

    @property
    def is_publication_event(self) -> bool:
        return self.event_type in PUBLICATION_EVENT_TYPES
