"""One CDN purge request (a batch of cache tags) and its attempts, retried like a webhook delivery."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from api.webhooks.models import new_message_id
from api.webhooks.retry import SendStatus


class CdnPurge(models.Model):
    """A batch of cache tags to purge at the configured CDN; ``history`` is the attempt log (one line each)."""

    Status = SendStatus

    backend = models.CharField(max_length=20)
    tags = models.JSONField(default=list)
    message_id = models.CharField(max_length=64, unique=True, default=new_message_id, editable=False)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_response_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    history = models.JSONField(default=list, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "CDN purge"

    def __str__(self) -> str:
        return f"{self.backend} purge of {len(self.tags)} tags ({self.get_status_display()})"
