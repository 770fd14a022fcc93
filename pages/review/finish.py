"""Workflow finish action (``WAGTAIL_FINISH_WORKFLOW_ACTION``): publish the revision that was approved.

Wagtail's default (``wagtail.workflows.publish_workflow_state``) publishes the object's *latest* revision, so an
edit saved between submission and approval would go live on an approval that never saw it. This publishes the
final task state's revision instead; a later draft stays a draft (the page shows "live + draft").
For articles the workflow's approval is the authority to publish (the gate checks the sign-offs), so the
approving reviewer does not also need page publish permission.

Imported by ``wagtail.models`` while apps load: keep module-level imports free of models.
"""

from __future__ import annotations

from typing import Any


def publish_approved_revision(workflow_state: Any, user: Any = None) -> None:
    from pages.models import is_article

    task_state = workflow_state.current_task_state
    content_object = workflow_state.content_object
    revision = task_state.revision if task_state is not None else content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=is_article(content_object))
