"""Operational state kept in the database, so every worker process sees the same."""

from __future__ import annotations

from django.db import models


class ScheduledJob(models.Model):
    """When a scheduled job (``publish_scheduled``, ``daily_checks``) last ran.

    The row is locked while a worker decides whether the job is due, so several workers never run it twice.
    """

    name = models.CharField(max_length=64, primary_key=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "scheduled job"

    def __str__(self) -> str:
        return self.name
