"""Admin form for webhook endpoints: event types as checkboxes instead of raw JSON."""

from __future__ import annotations

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from api.events.models import EventType


class WebhookEndpointForm(WagtailAdminModelForm):
    event_types = forms.MultipleChoiceField(
        choices=EventType.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Leave all unticked to receive every event.",
    )
    url = forms.URLField(label="URL", max_length=2000, assume_scheme="https")
