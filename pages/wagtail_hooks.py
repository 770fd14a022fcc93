"""Editor-side admin hooks: content problems and reading level after a save, autosave failures made visible,
and the "Reading level" report."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from .admin_reports import report_urls
from .models import is_article
from .readability import analyse
from .reading_report import ReadingLevelReportView

# Wagtail's autosave reports a refused save (HTTP 400) only through its small header indicator. This banner
# says it in words, with the server's reason, until a later save succeeds.
AUTOSAVE_ALERT_JS = """
<script>
(function () {
  function banner() {
    var el = document.getElementById("verity-autosave-alert");
    if (!el) {
      el = document.createElement("div");
      el.id = "verity-autosave-alert";
      el.setAttribute("role", "alert");
      el.className = "help-block help-critical";
      el.style.margin = "1rem 2.5rem";
      var main = document.querySelector("main") || document.body;
      main.insertBefore(el, main.firstChild);
    }
    return el;
  }
  document.addEventListener("w-autosave:error", function (event) {
    var detail = (event && event.detail) || {};
    banner().textContent = "Your latest changes are not saved: " + (detail.text || "the server refused them.") +
      " Click “Save draft” to see what needs fixing.";
  });
  document.addEventListener("w-autosave:success", function () {
    var el = document.getElementById("verity-autosave-alert");
    if (el) { el.remove(); }
  });
})();
</script>
"""


def _report_after_save(request: HttpRequest, page: Any) -> None:
    """On a full-page save of an article: list content problems (as warnings) and reading-level advice."""
    if not is_article(page) or not request.accepts("text/html"):
        return
    problems = getattr(page, "content_warnings", None) or []
    if problems:
        messages.warning(
            request,
            format_html(
                "Saved as a draft, but fix these before submitting for clinical review:<ul>{}</ul>",
                format_html_join("", "<li>{}</li>", ((problem.describe(),) for problem in problems)),
            ),
        )
    reading = analyse(page.body)
    advice = reading.warnings()
    if advice:
        messages.info(
            request,
            format_html(
                "Reading level: grade {} (target {}).<ul>{}</ul>",
                "—" if reading.grade is None else reading.grade,
                reading.target,
                format_html_join("", "<li>{}</li>", ((line,) for line in advice)),
            ),
        )


@hooks.register("after_edit_page")
def content_report_after_edit(request: HttpRequest, page: Any) -> None:
    _report_after_save(request, page)


@hooks.register("after_create_page")
def content_report_after_create(request: HttpRequest, page: Any) -> None:
    _report_after_save(request, page)


@hooks.register("insert_editor_js")
def autosave_alert_js() -> str:
    return AUTOSAVE_ALERT_JS


@hooks.register("register_admin_urls")
def reading_report_urls() -> list:
    return report_urls("reports/reading-level/", ReadingLevelReportView, "reading_level_report")


@hooks.register("register_reports_menu_item")
def reading_report_menu_item() -> MenuItem:
    return MenuItem(
        "Reading level", reverse("reading_level_report"), name="reading-level", icon_name="doc-full", order=160
    )
