"""What a "Clinical review" workflow action records (bound to the task model in ``ReviewConfig.ready``).

An action ("approve" = sign off, "reject" = request changes) locks the task state row (``select_for_update``),
so when two reviewers act at once exactly one decision lands and the other gets ``ReviewConflictError``
(shown as an admin message, W4). Each action records a ``SignOff`` of the task's revision — the revision that
was submitted, never a later draft. The task is approved once the approvals satisfy the same rule the publish
gate applies (``gate.content_is_signed_off``); the workflow's finish then publishes that approved revision
(``pages.review.finish``).

Sign what you saw (W6): an approval carries the revision id and fingerprint of the revision the reviewer was
shown (hidden fields of ``forms.ApproveForm``); ``services.record_signoff`` refuses it when the stored revision
no longer has that fingerprint. The revision under review is never overwritten in place
(``signals.keep_reviewed_revision``): a save during review makes a new revision, which this task does not cover.
Approving publishes the submitted revision; the newer revision stays a draft ("live + draft") and goes live only
after it is submitted and signed off in a review of its own.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.models import TaskState

from .errors import UNSEEN_MESSAGE, ReviewConflictError, ReviewError, StaleRevisionError
from .forms import form_for_action
from .gate import content_is_signed_off
from .models import ClinicalReviewTaskState, SignOff
from .services import record_signoff


def shown_fingerprint(task_state: Any, data: dict[str, Any], action_name: str) -> str | None:
    """The fingerprint the reviewer was shown, checked against the task's revision id (W6).

    An approval must carry both hidden fields of the sign-off form; a request for changes may omit them.
    A form made for another revision (the editor resubmitted meanwhile) is stale.
    """
    revision_id, fingerprint = data.get("revision"), data.get("fingerprint") or None
    if revision_id is None or fingerprint is None:
        if action_name == "approve":
            raise ReviewError(UNSEEN_MESSAGE)
        return None
    if int(revision_id) != task_state.revision_id:
        raise StaleRevisionError()
    return fingerprint


@transaction.atomic
def perform_action(task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
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
        problems = "; ".join(
            f"{field}: {' '.join(str(error) for error in errors)}" for field, errors in form.errors.items()
        )
        raise ReviewError(f"The sign-off was not recorded: {problems}")
    if task_state.signoffs.filter(reviewer=user).exists():
        raise ReviewConflictError("You have already signed off this revision.")
    fingerprint = shown_fingerprint(task_state, form.cleaned_data, action_name)

    signoff = record_signoff(
        task_state.revision,
        user,
        form.cleaned_data["decision"],
        form.cleaned_data["attestation"],
        form.cleaned_data["note"],
        task_state=task_state,
        fingerprint=fingerprint,
    )
    if signoff.decision == SignOff.Decision.CHANGES_REQUESTED:
        task_state.reject(user=user, comment=signoff.note)
    elif signoff.page_id is not None and content_is_signed_off(signoff.page_id, signoff.content_hash):
        task_state.approve(user=user, comment=signoff.note)
    # Otherwise the policy needs another role's approval: the task stays in progress.
    return None
