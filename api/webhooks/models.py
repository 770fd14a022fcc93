"""Webhook endpoints, deliveries (one per event and endpoint) and every delivery attempt."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from api.events.models import ContentEvent, EventType

from .retry import RetriedSend
from .signing import generate_secret, secret_key
from .targets import TargetRefused, resolve_target


def validate_target_url(url: str) -> None:
    try:
        resolve_target(url)
    except TargetRefused as refusal:
        raise ValidationError(str(refusal), code="refused_target") from None


def validate_secret(secret: str) -> None:
    try:
        secret_key(secret)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid_secret") from None


def validate_event_types(event_types: object) -> None:
    if not isinstance(event_types, list) or not all(isinstance(item, str) for item in event_types):
        raise ValidationError("Event types are a list of names such as article.published.")
    unknown = sorted(set(event_types) - set(EventType.values))
    if unknown:
        raise ValidationError(
            f"Unknown event types: {', '.join(unknown)}. Known: {', '.join(EventType.values)}.", code="unknown_event"
        )


class WebhookEndpoint(models.Model):
    """A receiver URL, its signing secret and the events it wants. Empty ``event_types`` means all events."""

    url = models.URLField("URL", max_length=2000, validators=[validate_target_url])
    description = models.CharField(max_length=200, blank=True)
    secret = models.CharField(
        max_length=200,
        blank=True,
        validators=[validate_secret],
        help_text="whsec_<base64>. Leave empty to generate one; receivers verify signatures with it.",
    )
    event_types = models.JSONField(
        default=list, blank=True, validators=[validate_event_types], help_text="Empty means every event type."
    )
    is_active = models.BooleanField("active", default=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "webhook endpoint"

    def __str__(self) -> str:
        return self.description or self.url

    def save(self, *args, **kwargs) -> None:
        if not self.secret:
            self.secret = generate_secret()
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "url" in update_fields:
            # Checked on every save path (admin, command, shell), not only in forms.
            validate_target_url(self.url)
        if update_fields is None or "secret" in update_fields:
            validate_secret(self.secret)
        if self.is_active and (update_fields is None or "is_active" in update_fields):
            self.disabled_reason, self.disabled_at = "", None
        super().save(*args, **kwargs)

    def wants(self, event_type: str) -> bool:
        return not self.event_types or event_type in self.event_types

    def disable(self, reason: str) -> None:
        self.is_active = False
        self.disabled_reason = reason[:300]
        self.disabled_at = timezone.now()
        self.save(update_fields=["is_active", "disabled_reason", "disabled_at", "updated_at"])


class WebhookDelivery(RetriedSend):
    """One event sent to one endpoint: the same ``message_id`` on every attempt, so receivers can de-duplicate."""

    event = models.ForeignKey(ContentEvent, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")

    class Meta:
        ordering = ["-id"]
        constraints = [models.UniqueConstraint(fields=["event", "endpoint"], name="api_delivery_once_per_endpoint")]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"

    def __str__(self) -> str:
        return f"{self.event.event_type} → {self.endpoint} ({self.get_status_display()})"

    @admin.display(description="Attempts")
    def attempt_history(self) -> str:
        """One line per attempt, oldest first (shown in the admin's delivery inspect view)."""
        lines = [
            f"#{attempt.number} {attempt.started_at:%Y-%m-%d %H:%M:%S} — "
            f"{attempt.response_code or attempt.error or 'no response'} ({attempt.duration_ms} ms)"
            for attempt in self.attempt_log.order_by("number")
        ]
        return "\n".join(lines) or "No attempt yet."


class WebhookAttempt(models.Model):
    """One HTTP attempt of a delivery, kept for the admin's delivery log."""

    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="attempt_log")
    number = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    duration_ms = models.PositiveIntegerField(default=0)
    response_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    response_excerpt = models.TextField(blank=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = "webhook attempt"

    def __str__(self) -> str:
        outcome = self.response_code or self.error or "no response"
        return f"attempt {self.number}: {outcome}"
