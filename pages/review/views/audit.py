"""The sign-off audit record of one article, as CSV and as a printable page (linked from the history view)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from pages.models import ArticlePage

from ..audit import AUDIT_COLUMNS, audit_csv, audit_rows, can_view_audit
from ..models import SignOff


def _article_and_rows(request: HttpRequest, page_id: int) -> tuple[Any, list[dict[str, Any]]]:
    page = get_object_or_404(ArticlePage, pk=page_id)
    if not can_view_audit(request.user, page):
        raise PermissionDenied
    return page, audit_rows(SignOff.objects.filter(page=page).order_by("signed_at", "pk"))


def audit_csv_view(request: HttpRequest, page_id: int) -> HttpResponse:
    page, rows = _article_and_rows(request, page_id)
    response = HttpResponse(audit_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="signoff-audit-{page.slug}.csv"'
    return response


def audit_page_view(request: HttpRequest, page_id: int) -> HttpResponse:
    page, rows = _article_and_rows(request, page_id)
    context = {"page": page, "rows": rows, "columns": AUDIT_COLUMNS, "generated_at": timezone.now()}
    return render(request, "review/signoff_audit.html", context)
