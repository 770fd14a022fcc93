"""The "Clinical review" workflow task: who sees which action and with which form.

What an action records lives one floor up, in ``pages.review.task.perform_action``: it needs the sign-off
services, which need these models, so this module cannot import it. ``ReviewConfig.ready`` binds it
(``ClinicalReviewTask.bind_action_handler``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from ..forms import form_for_action

ACTION_TEMPLATE = "review/workflow_action_modal.html"
DESCRIPTION = "Clinical reviewers (medical or clinical providers with credentials in good standing) sign off"


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
    _action_handler: ClassVar[Callable[..., None] | None] = None

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"

    @classmethod
    def bind_action_handler(cls, handler: Callable[..., None]) -> None:
        """Called once from ``ReviewConfig.ready`` with ``pages.review.task.perform_action``."""
        cls._action_handler = staticmethod(handler)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        """Group members see both actions; whether they may actually sign is checked (and explained) on action."""
        if user.is_authenticated and self._user_in_groups(user):
            return [("reject", _("Request changes"), True), ("approve", _("Sign off"), True)]
        return []

    def get_form_for_action(self, action: str) -> Any:
        return form_for_action(action)

    def get_template_for_action(self, action: str) -> str:
        return ACTION_TEMPLATE

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> None:
        if self._action_handler is None:
            raise ImproperlyConfigured("The clinical review action handler is bound in ReviewConfig.ready.")
        return self._action_handler(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> str:
        return DESCRIPTION
