"""The "Clinical review" workflow task. Its behaviour lives in ``pages.review.task``."""

from __future__ import annotations

from typing import Any

from wagtail.models import AbstractGroupApprovalTask, TaskState

from .. import task as behaviour


class ClinicalReviewTaskState(TaskState):
    """The state of one clinical review of one revision; its sign-offs point back to it."""

    class Meta:
        verbose_name = "clinical review task state"
        verbose_name_plural = "clinical review task states"

    def get_comment(self) -> str:
        decisions = [
            f"{signoff.display_name}: {signoff.get_decision_display()}" + (f" — {signoff.note}" if signoff.note else "")
            for signoff in self.signoffs.order_by("signed_at", "pk")
        ]
        return "; ".join(decisions) or self.comment


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups with a linked clinician profile and credentials in good standing sign off."""

    task_state_class = ClinicalReviewTaskState

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        return behaviour.actions_for(self, user)

    def get_form_for_action(self, action: str) -> Any:
        return behaviour.form_for_action(action)

    def get_template_for_action(self, action: str) -> str:
        return behaviour.ACTION_TEMPLATE

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
        return behaviour.perform_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return behaviour.DESCRIPTION
