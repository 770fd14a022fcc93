"""Crisis resources (988) shown on articles about depression, suicide and substance use."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin


class CrisisResourceQuerySet(models.QuerySet):
    def public(self) -> CrisisResourceQuerySet:
        """Crisis lines whose current version is published."""
        return self.filter(live=True)


class CrisisResource(DraftStateMixin, RevisionMixin, ClusterableModel):
    """A managed, versioned crisis line (e.g. the 988 Suicide & Crisis Lifeline).

    The numbers are the same in every language; the name, description and the language's own way in (a menu
    option to press after calling, a keyword to text, a chat site) are translated in child rows
    (``providers.models.translations.CrisisResourceTranslation``)."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True, help_text="One sentence on who it is for, e.g. free, 24/7.")
    call = models.CharField(max_length=32, blank=True, help_text="Number to call, e.g. 988.")
    call_option = models.CharField(
        max_length=8, blank=True, help_text="Menu option to press after the call connects, if any (e.g. 2)."
    )
    text = models.CharField(max_length=32, blank=True, help_text="Number to text, e.g. 988.")
    text_keyword = models.CharField(max_length=32, blank=True, help_text="Word to text, if any (e.g. AYUDA).")
    chat_url = models.URLField(blank=True)
    how_to_reach = models.TextField(
        blank=True, help_text="How to reach it, in a sentence readers can follow, e.g. “Call or text 988.”"
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    objects = CrisisResourceQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("call"), FieldPanel("call_option")]),
                FieldRowPanel([FieldPanel("text"), FieldPanel("text_keyword")]),
                FieldPanel("chat_url"),
                FieldPanel("how_to_reach"),
            ],
            heading="How to reach it",
        ),
        FieldPanel("sort_order"),
        InlinePanel(
            "translations",
            heading="Translations",
            label="Translation",
            help_text="The line in another language. Blank fields show the text above; the numbers are shared.",
        ),
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
