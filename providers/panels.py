"""Admin panels for providers that show a recorded fact rather than ask for it, or hold back what would be refused."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import FieldPanel, InlinePanel


class VerifierPanel(FieldPanel):
    """Who verified a credential or a listing, read-only: the form records the signed-in user
    (``ProviderAdminForm.save``, ``TreatmentCenterAdminForm``), so nobody types or picks it; the panel says who it
    was, or how it will be filled. Read-only, the field is not in the form: a posted value is never read."""

    def __init__(self, field_name: str = "verified_by", **kwargs: Any) -> None:
        kwargs.setdefault("heading", "Verified by")
        kwargs["read_only"] = True
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value: Any) -> str:
        if value is None:
            return "Not recorded yet: saving a verification records you."
        return value.get_full_name() or value.get_username()


class FixedRowsInlinePanel(InlinePanel):
    """An ``InlinePanel`` that offers no "Add" and no "Delete" when the form has closed its rows.

    The form decides (it knows who is signed in and the rule): it sets ``formset.rows_fixed_because`` to the
    reason, which the panel shows where the "Add" button would be. The panel only reads that mark, so the rule
    stays in one place; the server refuses such changes whatever the screen offers.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "providers/panels/fixed_rows_inline_panel.html"

        def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            context["rows_fixed_because"] = getattr(self.formset, "rows_fixed_because", "")
            return context
