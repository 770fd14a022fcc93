"""Behaviour of the "Clinical review" workflow task: who may act, the form, and what an action records.

An action ("approve" = sign off, "reject" = request changes) locks the task state row (``select_for_update``),
so when two reviewers act at once exactly one decision lands and the other gets ``ReviewConflictError``
(shown as an admin message, W4). Each action records a ``SignOff`` of the task's revision — the revision that
was submitted, never a later draft. The task is approved once the approvals satisfy the same rule the publish
gate applies (``gate.content_is_signed_off``); the workflow's finish then publishes that approved revision
(``pages.review.finish``).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .errors import ReviewConflictError, ReviewError
from .forms import form_for_action

ACTION_TEMPLATE = "review/workflow_action_modal.html"
DESCRIPTION = "Clinical reviewers (medical or clinical providers with credentials in good standing) sign off"


def actions_for(task: Any, user: Any) -> list[tuple[str, Any, bool]]:
    """Group members see both actions; whether they may actually sign is checked (and explained) on action."""
    if user.is_authenticated and task._user_in_groups(user):
        return [("reject", _("Request changes"), True), ("approve", _("Sign off"), True)]
    return []


@transaction.atomic
def perform_action(task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
    from wagtail.models import TaskState

    from .gate import content_is_signed_off
    from .models import ClinicalReviewTaskState, SignOff
    from .services import record_signoff

    form_class = form_for_action(action_name)
    if form_class is None:
        return None
    # Lock the task state row: a concurrent approve/reject waits here, then sees the finished status.
    locked = TaskState.objects.select_for_update().get(pk=task_state.pk)
    if locked.status != TaskState.STATUS_IN_PROGRESS:
        finisher = locked.finished_by
        who = (finisher.get_full_name() or finisher.get_username()) if finisher else ""
        raise ReviewConflictError(
            f"This review was already completed ({locked.get_status_display().lower()}"
            + (f" by {who}" if who else "")
            + "). Your decision was not recorded."
        )
    task_state = ClinicalReviewTaskState.objects.select_related("revision").get(pk=task_state.pk)
    form = form_class(data={key: value for key, value in kwargs.items() if key in form_class.base_fields})
    if not form.is_valid():
        problems = "; ".join(f"{field}: {' '.join(errors)}" for field, errors in form.errors.items())
        raise ReviewError(f"The sign-off was not recorded: {problems}")
    if task_state.signoffs.filter(reviewer=user).exists():
        raise ReviewConflictError("You have already signed off this revision.")

    signoff = record_signoff(
        task_state.revision,
        user,
        form.cleaned_data["decision"],
        form.cleaned_data["attestation"],
        form.cleaned_data["note"],
        task_state=task_state,
    )
    if signoff.decision == SignOff.Decision.CHANGES_REQUESTED:
        task_state.reject(user=user, comment=signoff.note)
    elif content_is_signed_off(signoff.page_id, signoff.content_hash):
        task_state.approve(user=user, comment=signoff.note)
    # Otherwise the policy needs another role's approval: the task stays in progress.
    return None
