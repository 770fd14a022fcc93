"""The "Clinical review" workflow on article indexes (the data migration creates it; this keeps it attached)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Workflow, WorkflowPage

from .models import ClinicalReviewTask

WORKFLOW_NAME = "Clinical review"


def review_workflow() -> Any:
    """The active workflow that contains the clinical review task, or None."""
    task_type = ContentType.objects.get_for_model(ClinicalReviewTask)
    return (
        Workflow.objects.filter(
            active=True, workflow_tasks__task__content_type=task_type, workflow_tasks__task__active=True
        )
        .order_by("pk")
        .first()
    )


def attach_workflow_to_index(index_page: Any) -> None:
    """Give an article index the review workflow unless an administrator already chose one for it."""
    workflow = review_workflow()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=index_page.pk, defaults={"workflow": workflow})
