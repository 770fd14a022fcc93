"""The editor's side of clinical review in Wagtail's editor: the primary action and the words of its messages.

* For articles, "Submit for clinical review" is the primary action. "Publish" is offered only when a saved,
  signed-off revision is waiting to go live: otherwise the review gate would refuse it
  (``gate.check_revision_may_go_live``).
* Wagtail words workflow messages as "moderation" ("… has been submitted for moderation."); for articles the
  workflow is a clinical review, so the queued messages are reworded after the create/edit view adds them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.safestring import SafeData, mark_safe
from wagtail.admin.action_menu import ActionMenuItem, SubmitForModerationMenuItem

from pages.models import is_article

from .gate import revision_is_signed_off

SUBMIT_LABEL = "Submit for clinical review"
RESUBMIT_LABEL = "Resubmit for clinical review"
# Wagtail's wording → ours. Applied to the HTML of queued admin messages (apostrophes are escaped there).
REWORDING = (
    ("submitted for moderation", "submitted for clinical review"),
    ("awaiting moderation", "awaiting clinical review"),
)


class SubmitForClinicalReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        needs_changes = state is not None and state.status == state.STATUS_NEEDS_CHANGES
        context["label"] = RESUBMIT_LABEL if needs_changes else SUBMIT_LABEL
        return context


def _publish_would_pass(context: dict[str, Any]) -> bool:
    page = context.get("page")
    if context.get("view") != "edit" or page is None or page.pk is None:
        return False
    revision = page.get_latest_revision()
    if revision is None or (page.live and page.live_revision_id == revision.pk):
        return False  # already live: publishing again would only publish the editor's (unsigned) changes
    return revision_is_signed_off(revision)


def arrange_article_actions(menu_items: list[ActionMenuItem], request: HttpRequest, context: dict[str, Any]) -> None:
    """``construct_page_action_menu``: submit first, and no Publish the gate would refuse."""
    if not is_article(context.get("page")):  # create and edit views pass the page (new and unsaved when creating)
        return
    submit = [item for item in menu_items if isinstance(item, SubmitForModerationMenuItem)]
    if not submit:
        return
    if not _publish_would_pass(context):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]
    menu_items.remove(submit[0])
    menu_items.insert(0, SubmitForClinicalReviewMenuItem(order=submit[0].order))


def reword_queued_messages(request: HttpRequest) -> None:
    """Say "clinical review" where Wagtail's queued messages say "moderation"."""
    storage = getattr(request, "_messages", None)
    for message in getattr(storage, "_queued_messages", []):
        text = message.message
        reworded = str(text)
        for old, new in REWORDING:
            reworded = reworded.replace(old, new)
        if reworded != str(text):
            message.message = mark_safe(reworded) if isinstance(text, SafeData) else reworded  # noqa: S308
