"""The "Reading level" report, from an editor's seat: live articles, hardest to read first, with the target."""

from __future__ import annotations

import pytest

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PLAIN = "We can help. Call us today. You are not alone. Care is close to home."
DENSE = (
    "Comprehensive multidisciplinary psychiatric rehabilitation interventions, incorporating evidence-based "
    "pharmacological management alongside individualized psychotherapeutic modalities, demonstrate "
    "considerable effectiveness regarding longitudinal functional outcomes for individuals experiencing "
    "treatment-resistant depressive symptomatology."
)


def test_the_report_lists_live_articles_hardest_first_and_leaves_drafts_out(signed_in):
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    factories.published_article(reviewer, title="Plain words", text=PLAIN)
    factories.published_article(reviewer, title="Dense words", text=DENSE)
    factories.draft_article(title="Unpublished draft", text=DENSE)

    editor = signed_in(factories.editor())
    editor.goto("/admin/")
    editor.get_by_role("button", name="Reports").click()
    editor.get_by_role("link", name="Reading level").click()
    editor.wait_for_url("**/reports/reading-level/")

    rows = [row.strip() for row in editor.locator("table tbody tr").all_inner_texts()]
    listed = [title for title in ("Dense words", "Plain words", "Unpublished draft") if any(title in r for r in rows)]
    assert listed == ["Dense words", "Plain words"]  # the draft is not listed
    assert rows.index(next(r for r in rows if "Dense words" in r)) < rows.index(
        next(r for r in rows if "Plain words" in r)
    )  # hardest first
    headers = [header.strip() for header in editor.locator("table thead th").all_inner_texts()]
    grade_at, target_at = headers.index("Reading grade"), headers.index("Target")
    cells = {
        title: editor.locator("table tbody tr", has_text=title).locator("td").all_inner_texts()
        for title in ("Dense words", "Plain words")
    }
    assert float(cells["Dense words"][grade_at]) > 8 >= float(cells["Plain words"][grade_at])
    assert cells["Dense words"][target_at].strip() == "8"  # the default READING_GRADE_TARGET, beside each grade
