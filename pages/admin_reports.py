"""Shared wiring of the admin's reports (reading level, clinical review status)."""

from __future__ import annotations

from django.urls import URLPattern, path
from wagtail.admin.views.reports import ReportView


def report_urls(route: str, view: type[ReportView], name: str) -> list[URLPattern]:
    """A report's page and its results fragment (``<name>_results``), which Wagtail's filters refresh in place."""
    return [
        path(route, view.as_view(), name=name),
        path(f"{route}results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]
