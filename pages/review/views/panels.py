"""Dashboard panels: "Awaiting your sign-off", "Reviews due or overdue", "Credentials expiring"."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from ..compliance import credential_alerts, reviews_due
from ..eligibility import REVIEWERS_GROUP, check_reviewer
from ..errors import ReviewerNotEligibleError
from ..models import ClinicalReviewTask, ClinicalReviewTaskState

# A dashboard panel is a glance; the report (and the clinician listing's filters) hold the full lists.
PANEL_ROWS = 50


class AwaitingSignOffPanel(Component):
    name = "awaiting_signoff"
    order = 90
    template_name = "review/panels/awaiting_signoff.html"

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        my_tasks = ClinicalReviewTask.objects.filter(active=True, groups__user=self.user).values("pk")
        states = (
            ClinicalReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=my_tasks)
            .exclude(signoffs__reviewer=self.user)
            .select_related("revision", "workflow_state", "task")
            .distinct()
            .order_by("started_at")
        )
        rows = []
        for state in states[:PANEL_ROWS]:
            rows.append({"state": state, "page_id": int(state.revision.object_id), "title": state.revision.object_str})
        try:
            check_reviewer(self.user)
            problem = ""
        except ReviewerNotEligibleError as error:
            problem = str(error)
        return {"rows": rows, "problem": problem}


class ReviewsDuePanel(Component):
    name = "reviews_due"
    order = 91
    template_name = "review/panels/reviews_due.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        return {"rows": reviews_due(timezone.localdate())[:PANEL_ROWS]}


class CredentialsExpiringPanel(Component):
    name = "credentials_expiring"
    order = 92
    template_name = "review/panels/credentials_expiring.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        days = settings.CREDENTIAL_EXPIRY_WARNING_DAYS
        return {
            "rows": credential_alerts(timezone.localdate())[:PANEL_ROWS],
            "days": days,
            "heading": f"Credentials expiring within {days} days",
        }


def panels_for(user: Any) -> list[Component]:
    is_reviewer = user.groups.filter(name=REVIEWERS_GROUP).exists()
    panels: list[Component] = []
    if is_reviewer:
        panels.append(AwaitingSignOffPanel(user))
    if is_reviewer or user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
        panels += [ReviewsDuePanel(), CredentialsExpiringPanel()]
    return panels
