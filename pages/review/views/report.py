"""Report: every article the user may edit, with its review status, last review, next review due and reviewers."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from pages.models import ArticlePage

from ..stamps import stamps_representation


def _stamps(page: Any) -> dict[str, Any]:
    if not hasattr(page, "_review_stamps_repr"):
        page._review_stamps_repr = stamps_representation(getattr(page, "review_stamps", None))
    return page._review_stamps_repr


def _reviewers(page: Any) -> str:
    byline = _stamps(page)["byline"]
    return ", ".join(entry["display_name"] for entry in byline["medical_providers"] + byline["clinical_providers"])


REVIEW_STATUS_LABELS = {
    "current": "Current",
    "due": "Due soon",
    "overdue": "Overdue",
    "not_reviewed": "Not reviewed",
}


class ReviewStatusReportView(ReportView):
    page_title = "Clinical review status"
    header_icon = "tasks"
    index_url_name = "review_report"
    index_results_url_name = "review_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Article", get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])),
        Column("status", label="Page status", accessor="status_string"),
        Column(
            "review_status", label="Review status", accessor=lambda p: REVIEW_STATUS_LABELS[_stamps(p)["review_status"]]
        ),
        Column("last_reviewed", label="Last reviewed", accessor=lambda p: _stamps(p)["last_reviewed"] or "—"),
        Column("next_review_due", label="Next review due", accessor=lambda p: _stamps(p)["next_review_due"] or "—"),
        Column("last_updated", label="Last updated", accessor=lambda p: _stamps(p)["last_updated"] or "—"),
        Column("reviewers", label="Reviewers", accessor=lambda p: _reviewers(p) or "—"),
    ]
    list_export = ["title", "review_status", "last_reviewed", "next_review_due", "last_updated", "reviewers"]
    export_headings = {
        "title": "Article",
        "review_status": "Review status",
        "last_reviewed": "Last reviewed",
        "next_review_due": "Next review due",
        "last_updated": "Last updated",
        "reviewers": "Reviewers",
    }

    def get_queryset(self) -> Any:
        """Only articles the user may edit: the report and its exports show drafts' titles and reviewers."""
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        return (
            ArticlePage.objects.filter(pk__in=editable.values("pk"))
            .select_related("review_stamps")
            .order_by("review_stamps__next_review_due", "title")
        )

    def get_filename(self) -> str:
        return f"clinical-review-status-{datetime.date.today():%Y-%m-%d}"

    def to_row_dict(self, item: Any) -> dict[str, Any]:
        stamps = _stamps(item)
        return {
            "title": item.title,
            "review_status": stamps["review_status"],
            "last_reviewed": stamps["last_reviewed"],
            "next_review_due": stamps["next_review_due"],
            "last_updated": stamps["last_updated"],
            "reviewers": _reviewers(item),
        }
