"""``{{ form|showing_revision:task_state.revision }}``: a sign-off form carrying the revision the screen shows.

Wagtail's workflow action view builds the task's form without arguments; templates that render it pass it
through this filter so the hidden ``revision`` and ``fingerprint`` fields hold what the reviewer is looking at.
"""

from __future__ import annotations

from typing import Any

from django import template

from ..forms import ClinicalSignOffForm

register = template.Library()


@register.filter
def showing_revision(form: Any, revision: Any) -> Any:
    if isinstance(form, ClinicalSignOffForm) and not form.is_bound and revision is not None:
        form.show_revision(revision)
    return form
