"""Admin edit form for articles: per-edit change kind and citation checks against the references being edited."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import cited_reference_errors


class ArticlePageForm(WagtailAdminPageForm):
    """The article create/edit form.

    * ``change_kind`` describes *this* edit, so every new edit starts as "substantive" instead of inheriting the
      previous revision's choice (a stale "minor" would silently keep "last updated" from moving).
    * Statistic citations are checked against the references in the submitted form (the inline panel), not the
      saved ones, so adding a reference and citing it in the same edit works.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound and "change_kind" in self.fields:
            self.initial["change_kind"] = self._meta.model.ChangeKind.SUBSTANTIVE

    def submitted_reference_count(self) -> int:
        """References the editor is submitting: kept existing ones plus filled-in new ones, minus deleted ones."""
        formset = self.formsets.get("references")
        if formset is None:
            return len(self.instance.references.all())
        formset.is_valid()  # formsets are validated after the form; make sure deletions are known
        deleted = set(formset.deleted_forms) if formset.can_delete else set()
        return sum(
            1 for form in formset.forms if form not in deleted and (form.instance.pk is not None or form.has_changed())
        )

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        body = cleaned_data.get("body")
        # Block errors come first: the body widget shows one error structure at a time.
        if body is not None and "body" not in self.errors:
            error = cited_reference_errors(body, self.submitted_reference_count())
            if error is not None:
                self.add_error("body", error)
        return cleaned_data

    def _post_clean(self) -> None:
        # Model validation would count the *saved* references; this form has already checked the submitted ones.
        self.instance.skip_citation_check = True
        try:
            super()._post_clean()
        finally:
            del self.instance.skip_citation_check
