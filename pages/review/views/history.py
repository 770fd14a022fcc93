"""The sign-off history of one article: who signed which revision, when, deciding what, with which note."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from wagtail.models import Page

from pages.models import ArticlePage

from ..audit import can_view_audit
from ..eligibility import REVIEWERS_GROUP
from ..hashing import content_hash
from ..models import SignOff
from ..stamps import stamps_representation


def can_view_history(user: Any, page: Page) -> bool:
    return (
        user.is_superuser
        or page.permissions_for_user(user).can_edit()
        or user.groups.filter(name=REVIEWERS_GROUP).exists()
    )


class SignOffHistoryView(TemplateView):
    template_name = "review/signoff_history.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        page = get_object_or_404(ArticlePage, pk=self.kwargs["page_id"])
        if not can_view_history(self.request.user, page):
            raise PermissionDenied
        signoffs = (
            SignOff.objects.filter(page=page).select_related("revision", "reviewer").order_by("-signed_at", "-pk")
        )
        stamps = getattr(page, "review_stamps", None)
        return {
            **super().get_context_data(**kwargs),
            "page": page,
            "signoffs": signoffs,
            "live_revision_id": page.live_revision_id if page.live else None,
            "live_hash": content_hash(page.live_revision.content) if page.live and page.live_revision else None,
            "stamps": stamps_representation(stamps),
            "header_title": f"Sign-off history: {page.get_admin_display_title()}",
            "can_view_audit": can_view_audit(self.request.user, page),
        }
