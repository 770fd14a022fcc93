"""One CDN purge request (a batch of cache tags) and its attempts, retried like a webhook delivery."""

from __future__ import annotations

from django.db import models

from api.webhooks.retry import RetriedSend


class CdnPurge(RetriedSend):
    """A batch of cache tags to purge at the configured CDN; ``history`` is the attempt log (one line each)."""

    backend = models.CharField(max_length=20)
    tags = models.JSONField(default=list)
    history = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "CDN purge"

    def __str__(self) -> str:
        return f"{self.backend} purge of {len(self.tags)} tags ({self.get_status_display()})"
