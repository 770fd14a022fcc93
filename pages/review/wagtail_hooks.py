"""Admin registration for clinical review: early gate checks with clear messages, panels, report, history."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page

from pages.admin_reports import report_urls
from pages.models import ArticlePage, is_article

from .admin_wording import arrange_article_actions, reword_queued_messages
from .errors import UnsignedRevisionError
from .gate import check_revision_may_go_live
from .translations import translation_status
from .views.audit import audit_csv_view, audit_page_view
from .views.history import SignOffHistoryView, can_view_history
from .views.panels import panels_for
from .views.report import ReviewStatusReportView
from .views.review_screen import ReviewOutcomeView, ReviewScreenView, review_url, user_actions
from .views.translation import TranslationStatusView


def _refuse(request: HttpRequest, page: Any, error: UnsignedRevisionError) -> HttpResponse:
    # The create view adds the page with Wagtail's default live=True before publishing; a page that has
    # never been published must not be left looking live.
    Page.objects.filter(pk=page.pk, live_revision__isnull=True).update(live=False, has_unpublished_changes=True)
    messages.error(
        request,
        f"{error}: “{page.get_admin_display_title()}” was saved as a draft but not published. "
        "Use “Submit for clinical review” to send it to a clinical reviewer.",
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


# --- The gate, early: refuse in the admin before Wagtail starts publishing (no side effects) ------------------


@hooks.register("before_publish_page")
def refuse_unsigned_publish(request: HttpRequest, page: Any) -> HttpResponse | None:
    """Create/edit "Publish" (and "Schedule"): the revision just saved must be signed off."""
    if not is_article(page):
        return None
    revision = page.get_latest_revision()
    try:
        check_revision_may_go_live(revision)
    except UnsignedRevisionError as error:
        return _refuse(request, page, error)
    return None


@hooks.register("before_bulk_action")
def refuse_unsigned_bulk_publish(request: HttpRequest, action_type: str, objects: list, action: Any) -> Any:
    """Bulk "Publish": refuse the whole batch if any article (or article below a selected page) is unsigned."""
    if action_type != "publish":
        return None
    include_descendants = bool(
        getattr(action, "cleaned_form", None) and action.cleaned_form.cleaned_data.get("include_descendants")
    )
    candidates = list(objects)
    if include_descendants:
        for page in objects:
            candidates += list(page.get_descendants().not_live().type(ArticlePage))
    unsigned = []
    for page in candidates:
        if not is_article(page):
            continue
        revision = page.get_latest_revision()
        try:
            if revision is None:
                raise UnsignedRevisionError()
            check_revision_may_go_live(revision)
        except UnsignedRevisionError:
            unsigned.append(page.get_admin_display_title())
    if unsigned:
        messages.error(
            request,
            f"{UnsignedRevisionError()}: nothing was published. Not signed off: {', '.join(unsigned)}.",
        )
        return redirect(action.next_url)
    return None


@hooks.register("before_copy_page")
def refuse_live_article_copies(request: HttpRequest, page: Any) -> HttpResponse | None:
    """A copy is a new page with no sign-offs of its own, so articles are copied as drafts only."""
    if request.method != "POST" or not request.POST.get("publish_copies"):
        return None
    has_articles = is_article(page) or (
        request.POST.get("copy_subpages") and page.get_descendants().type(ArticlePage).exists()
    )
    if has_articles:
        messages.error(
            request,
            f"{UnsignedRevisionError()}: copies of articles need their own clinical review. "
            "Untick “Publish copies” to copy them as drafts.",
        )
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


# --- Views, menu items and buttons ------------------------------------------------------------------------------


@hooks.register("register_admin_urls")
def review_urls() -> list:
    return [
        path("review/pages/<int:page_id>/signoffs/", SignOffHistoryView.as_view(), name="review_signoff_history"),
        path("review/pages/<int:page_id>/audit/", audit_page_view, name="review_signoff_audit"),
        path("review/pages/<int:page_id>/audit.csv", audit_csv_view, name="review_signoff_audit_csv"),
        path("review/pages/<int:page_id>/", ReviewScreenView.as_view(), name="review_screen"),
        path(
            "review/pages/<int:page_id>/tasks/<int:task_state_id>/done/",
            ReviewOutcomeView.as_view(),
            name="review_outcome",
        ),
        path(
            "review/pages/<int:page_id>/translation/", TranslationStatusView.as_view(), name="review_translation_status"
        ),
        *report_urls("review/report/", ReviewStatusReportView, "review_report"),
    ]


@hooks.register("register_reports_menu_item")
def review_report_menu_item() -> MenuItem:
    return MenuItem(
        "Clinical review status", reverse("review_report"), name="clinical-review", icon_name="tasks", order=150
    )


class SignOffHistoryButton(PageMenuItem):
    label = "Sign-off history"
    icon_name = "clipboard-list"
    url_name = "review_signoff_history"

    def is_shown(self, user: Any) -> bool:
        return can_view_history(user, self.page)


def _history_button(page: Any, user: Any, priority: int) -> SignOffHistoryButton | None:
    if page.pk is None or not is_article(page):
        return None
    return SignOffHistoryButton(page=page, priority=priority)


@hooks.register("register_page_header_buttons")
def review_header_buttons(page: Any, user: Any, view_name: str | None = None, next_url: str | None = None) -> Any:
    button = _history_button(page, user, priority=66)
    if button:
        yield button


@hooks.register("register_page_header_buttons")
def translation_header_button(page: Any, user: Any, view_name: str | None = None, next_url: str | None = None) -> Any:
    """Translated pages link to their translation status; the label says when the source has moved on."""
    status = translation_status(page) if page.pk else None
    if status is not None and page.permissions_for_user(user).can_edit():
        label = "Translation out of date" if status.out_of_date else "Translation"
        yield PageMenuItem(label, reverse("review_translation_status", args=[page.pk]), "globe", 67, page=page)


@hooks.register("before_edit_page")
def warn_outdated_translation(request: HttpRequest, page: Any) -> None:
    if request.method == "GET" and (status := translation_status(page)) is not None and status.out_of_date:
        messages.warning(
            request,
            f"Translation out of date: its {status.source_locale} source changed after revision "
            f"#{status.followed_revision_id} (now #{status.current_revision_id}).",
        )


@hooks.register("register_page_listing_more_buttons")
def review_listing_buttons(page: Any, user: Any, next_url: str | None = None) -> Any:
    button = _history_button(page, user, priority=55)
    if button:
        yield button


@hooks.register("construct_homepage_panels")
def review_dashboard_panels(request: HttpRequest, panels: list) -> None:
    added = panels_for(request.user)
    if any(panel.name == "awaiting_signoff" for panel in added):
        # "Awaiting your sign-off" lists the same tasks as Wagtail's "Awaiting your review": show one.
        panels[:] = [panel for panel in panels if getattr(panel, "name", "") != "workflow_objects_to_moderate"]
    panels.extend(added)


@hooks.register("before_edit_page")
def reviewers_open_the_review_screen(request: HttpRequest, page: Any) -> HttpResponse | None:
    """A reviewer with a pending sign-off on an article reads it on the review screen, not in the editor.

    ``?edit=1`` (the review screen's "Open in the editor") still opens the editor for those who may edit.
    """
    if request.method != "GET" or request.GET.get("edit") or not is_article(page):
        return None
    if user_actions(page.specific, request.user):
        return redirect(review_url(page.pk))
    return None


# --- The editor's side: submit is the primary action, messages say "clinical review" ----------------------------


@hooks.register("construct_page_action_menu")
def article_action_menu(menu_items: list, request: HttpRequest, context: dict) -> None:
    arrange_article_actions(menu_items, request, context)


@hooks.register("after_edit_page")
def reword_after_edit(request: HttpRequest, page: Any) -> None:
    reword_queued_messages(request)


@hooks.register("after_create_page")
def reword_after_create(request: HttpRequest, page: Any) -> None:
    reword_queued_messages(request)
