"""Crisis resources (988) shown on articles about depression, suicide and substance use."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin


class CrisisResourceQuerySet(models.QuerySet):
    def public(self) -> CrisisResourceQuerySet:
        """Crisis lines whose current version is published."""
        return self.filter(live=True)


class CrisisResource(DraftStateMixin, RevisionMixin, models.Model):
    """A managed, versioned crisis line (e.g. the 988 Suicide & Crisis Lifeline)."""

    name = models.CharField(max_length=200)
    call = models.CharField(max_length=32, blank=True, help_text="Number to call, e.g. 988.")
    text = models.CharField(max_length=32, blank=True, help_text="Number to text, e.g. 988.")
    chat_url = models.URLField(blank=True)
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = CrisisResourceQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("call"),
        FieldPanel("text"),
        FieldPanel("chat_url"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not (self.call or self.text or self.chat_url):
            raise ValidationError(
                {"call": "Give at least one way to reach this line: a number to call or text, or a chat URL."}
            )
