"""Admin panels for providers that show a recorded fact rather than ask for it."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import FieldPanel


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
