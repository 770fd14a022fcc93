"""The reviewer's screen: what changed since the live version, the evidence, the reading level, and the decision.

A reviewer following a pending clinical review (dashboard panel, notification link, page listing, or the edit
URL) lands here instead of the editor. The screen is read-only. Its two actions are the task's own action forms
(built by Wagtail's workflow action view, rendered with the task's template) posting to Wagtail's
``wagtailadmin_pages:workflow_action`` URL, so acting creates no revision: only the edit view saves one.
They come back to :class:`ReviewOutcomeView`, which reads what actually happened and lands the reviewer on the
dashboard (a page they may always see) with a message saying so.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState

from pages.models import is_article

from ...readability import analyse
from ..diff import visibly_changed
from ..models import SignOff

REVIEW_ACTIONS = ("approve", "reject")


def review_url(page_id: int) -> str:
    return reverse("review_screen", args=[page_id])


def pending_task_state(page: Any) -> Any:
    """The page's task state that is in progress, as its specific class, or None."""
    state = page.current_workflow_task_state
    if state is None or state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    return state.specific


def user_actions(page: Any, user: Any) -> list[str]:
    """Names of the review actions ``user`` may take on the page's pending task (empty when none)."""
    state = pending_task_state(page)
    if state is None:
        return []
    names = [name for name, _label, _modal in state.task.specific.get_actions(page, user)]
    return [name for name in REVIEW_ACTIONS if name in names]


class _EmbeddedActionView(WorkflowActionView):
    """Wagtail's workflow action view, used only to build the task's form and context; submits come back here."""

    outcome_url = ""

    def get_submit_url(self) -> str:
        return f"{super().get_submit_url()}?{urlencode({'next': self.outcome_url})}"


def render_action_form(request: HttpRequest, page: Any, task_state: Any, action: str) -> str:
    """The task's form for ``action`` exactly as the task's action modal would show it, posting to Wagtail."""
    view = _EmbeddedActionView()
    view.outcome_url = f"{reverse('review_outcome', args=[page.pk, task_state.pk])}?{urlencode({'action': action})}"
    view.setup(request, page_id=page.pk, action_name=action, task_state_id=task_state.pk)
    view.check_action()
    form = view.form_class()
    if hasattr(form, "show_revision"):  # the sign-off form carries the revision shown and its fingerprint (W6)
        form.show_revision(task_state.revision)
    context = view.get_context_data(form=form)
    return render_to_string(view.get_template_names(), context, request=request)


def comparison(page: Any, old: Any, new: Any, request: HttpRequest) -> list[Any]:
    """Wagtail's revision comparison (``wagtail.admin.compare``) of two versions: only fields visibly changed."""
    panel = page.get_edit_handler().get_bound_panel(instance=page, request=request, form=None)
    return [diff for diff in (compare(old, new) for compare in panel.get_comparison()) if visibly_changed(diff)]


def statistics(article: Any) -> list[dict[str, Any]]:
    """Each statistic block with the references it cites (None for a number with no reference)."""
    references = list(article.references.all())
    rows = []
    for child in article.body:
        if child.block_type != "statistic":
            continue
        cited = [
            {"number": number, "reference": references[number - 1] if 1 <= number <= len(references) else None}
            for number in child.value.get("citations") or []
            if number is not None
        ]
        rows.append({"value": child.value.get("value"), "text": child.value.get("text"), "citations": cited})
    return rows


class ReviewScreenView(TemplateView):
    template_name = "review/review_screen.html"

    def dispatch(self, request: HttpRequest, page_id: int, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not is_article(self.page):
            raise Http404("Only articles have a clinical review screen.")
        self.actions = user_actions(self.page, request.user)
        perms = self.page.permissions_for_user(request.user)
        if not (self.actions or perms.can_edit() or perms.can_publish()):
            raise PermissionDenied
        self.can_edit = perms.can_edit()
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        page, request = self.page, self.request
        task_state = pending_task_state(page)
        revision = task_state.revision if task_state else page.get_latest_revision()
        reviewed = revision.as_object() if revision else page
        live = page.live_revision.as_object() if page.live and page.live_revision else None
        context.update(
            {
                "page": page,
                "task_state": task_state,
                "revision": revision,
                "submitted_by": task_state.workflow_state.requested_by if task_state else None,
                "live": live,
                "comparison": comparison(page, live, reviewed, request) if live is not None else None,
                "statistics": statistics(reviewed),
                "reading": analyse(reviewed.body),
                "action_forms": [
                    {"name": name, "html": render_action_form(request, page, task_state, name)} for name in self.actions
                ],
                "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) + "?edit=1" if self.can_edit else "",
                "header_title": f"Clinical review: {page.get_admin_display_title()}",
            }
        )
        return context


def _name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()) if user else "the editor"


class ReviewOutcomeView(TemplateView):
    """Where the review screen's actions return: say what happened, then land on the dashboard."""

    def get(self, request: HttpRequest, page_id: int, task_state_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        page = get_object_or_404(Page, pk=page_id).specific
        state = get_object_or_404(TaskState, pk=task_state_id, revision__object_id=str(page.pk))
        action = request.GET.get("action")
        title = page.get_admin_display_title()
        mine = SignOff.objects.filter(task_state_id=state.pk, reviewer_id=request.user.pk).first()
        if state.status == TaskState.STATUS_REJECTED and state.finished_by_id == request.user.pk:
            editor = _name(state.workflow_state.requested_by)
            messages.success(request, f"Changes requested from {editor} for “{title}”: they see your note.")
        elif state.status == TaskState.STATUS_APPROVED and mine is not None:
            if page.live and page.live_revision_id == state.revision_id:
                messages.success(request, f"Signed off and published: “{title}” is live.")
            else:
                messages.success(request, f"Signed off: “{title}” moves on to the next step of its clinical review.")
        elif state.status == TaskState.STATUS_IN_PROGRESS and mine is not None:
            messages.success(
                request, f"Signed off: “{title}” goes live once a reviewer of the other role signs off too."
            )
        elif action == "reject":
            messages.error(request, "Changes were not requested: write what needs to change for the editor.")
            return redirect(review_url(page.pk))
        elif action == "approve":
            messages.error(request, "Not signed off: tick the attestation to confirm you reviewed the whole article.")
            return redirect(review_url(page.pk))
        return redirect("wagtailadmin_home")
