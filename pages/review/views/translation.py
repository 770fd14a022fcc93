"""The translation screen of a translated page: which source revision it follows, and whether that is out of date."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.models import Page

from ..translations import mark_up_to_date, translation_status


class TranslationStatusView(TemplateView):
    """GET: the status. POST (editors of the translation): follow the source's current revision from now on."""

    template_name = "review/translation_status.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self.page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        status = translation_status(self.page)
        if status is None:
            raise Http404("This page is not a recorded translation.")
        self.status = status
        self.can_edit = self.page.permissions_for_user(request.user).can_edit()
        if not (self.can_edit or request.user.is_superuser):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.can_edit:
            raise PermissionDenied
        mark_up_to_date(self.page, request.user)
        messages.success(
            request,
            f"“{self.page.get_admin_display_title()}” now follows revision #{self.status.current_revision_id} "
            "of its source. It still needs its own clinical sign-off before those changes can go live.",
        )
        return redirect("review_translation_status", self.page.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {
            **super().get_context_data(**kwargs),
            "page": self.page,
            "status": self.status,
            "can_edit": self.can_edit,
            "header_title": f"Translation: {self.page.get_admin_display_title()}",
        }
