"""Dashboard panels: "Awaiting your sign-off", "Reviews due or overdue", "Credentials expiring"."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState

from ..eligibility import REVIEWERS_GROUP, check_reviewer
from ..errors import ReviewerNotEligibleError


class AwaitingSignOffPanel(Component):
    name = "awaiting_signoff"
    order = 90
    template_name = "review/panels/awaiting_signoff.html"

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        from ..models import ClinicalReviewTask, ClinicalReviewTaskState

        my_tasks = ClinicalReviewTask.objects.filter(active=True, groups__user=self.user).values("pk")
        states = (
            ClinicalReviewTaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task__in=my_tasks)
            .exclude(signoffs__reviewer=self.user)
            .select_related("revision", "workflow_state", "task")
            .distinct()
            .order_by("started_at")
        )
        rows = []
        for state in states[:50]:
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
        from ..models import ArticleStamps

        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS)
        stamps = (
            ArticleStamps.objects.filter(page__live=True, next_review_due__lte=horizon)
            .select_related("page")
            .order_by("next_review_due")[:50]
        )
        return {"rows": [{"stamps": item, "overdue": item.next_review_due < today} for item in stamps]}


class CredentialsExpiringPanel(Component):
    name = "credentials_expiring"
    order = 92
    template_name = "review/panels/credentials_expiring.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        from providers.models import CredentialHolding

        today = timezone.localdate()
        horizon = today + datetime.timedelta(days=settings.CREDENTIAL_EXPIRY_WARNING_DAYS)
        holdings = (
            CredentialHolding.objects.filter(provider__live=True)
            .filter(Q(expires_on__lte=horizon) | Q(status=CredentialHolding.Status.EXPIRED))
            .exclude(status__in=[CredentialHolding.Status.INACTIVE, CredentialHolding.Status.REVOKED])
            .select_related("provider", "credential")
            .order_by("expires_on")[:50]
        )
        days = settings.CREDENTIAL_EXPIRY_WARNING_DAYS
        return {
            "rows": [{"holding": h, "expired": h.is_expired(today)} for h in holdings],
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
