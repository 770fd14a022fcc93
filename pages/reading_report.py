"""Report: live articles by reading grade (highest first), with the figures of ``pages.readability``."""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .models import ArticlePage
from .readability import ReadingLevel, analyse


def _reading(page: Any) -> ReadingLevel:
    if not hasattr(page, "_reading_level"):
        page._reading_level = analyse(page.body)
    return page._reading_level


def _grade(page: Any) -> Any:
    grade = _reading(page).grade
    return "—" if grade is None else grade


def _hardest_section(page: Any) -> str:
    sections = [section for section in _reading(page).sections if section.grade is not None]
    if not sections:
        return "—"
    hardest = max(sections, key=lambda section: section.grade or 0.0)  # (None was filtered out above)
    return f"{hardest.heading} ({hardest.grade:g})"


class ReadingLevelReportView(ReportView):
    page_title = "Reading level"
    header_icon = "doc-full"
    index_url_name = "reading_level_report"
    index_results_url_name = "reading_level_report_results"
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Article", get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk])),
        Column("grade", label="Reading grade", accessor=_grade),
        Column("target", label="Target", accessor=lambda page: _reading(page).target),
        Column("hardest", label="Hardest section", accessor=_hardest_section),
        Column("long_sentences", label="Long sentences", accessor=lambda page: _reading(page).long_sentences),
        Column("long_paragraphs", label="Long paragraphs", accessor=lambda page: _reading(page).long_paragraphs),
        Column("problems", label="Other problems", accessor=lambda page: len(_reading(page).warnings())),
    ]
    list_export = ["title", "grade", "target", "long_sentences", "long_paragraphs"]
    export_headings = {"title": "Article", "grade": "Reading grade", "target": "Target"}

    def get_queryset(self) -> list[Any]:
        # The grade is computed from the live body text, so sorting happens here (a site has hundreds of
        # articles, not millions). The live version is what readers get.
        articles = list(ArticlePage.objects.live().order_by("title"))
        return sorted(articles, key=lambda page: -(_reading(page).grade or 0))

    def get_filename(self) -> str:
        return f"reading-level-{datetime.date.today():%Y-%m-%d}"

    def to_row_dict(self, item: Any) -> dict[str, Any]:
        reading = _reading(item)
        return {
            "title": item.title,
            "grade": reading.grade,
            "target": reading.target,
            "long_sentences": reading.long_sentences,
            "long_paragraphs": reading.long_paragraphs,
        }
