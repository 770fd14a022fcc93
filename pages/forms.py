"""Admin edit form for articles: per-edit change kind and citation checks against the references being edited."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminPageForm

from .blocks import cited_reference_errors
from .content_checks import Problem, content_problems


class ArticlePageForm(WagtailAdminPageForm):
    """The article create/edit form.

    * ``change_kind`` describes *this* edit, so every new edit starts as "substantive" instead of inheriting the
      previous revision's choice (a stale "minor" would silently keep "last updated" from moving).
    * Statistic citations are checked against the references in the submitted form (the inline panel), not the
      saved ones, so adding a reference and citing it in the same edit works.
    * "Save draft" (deferred validation) keeps the editor's work: content problems (``pages.content_checks``)
      become warnings, left on ``instance.content_warnings`` for the admin hook to show; on submit or publish
      they are errors on the blocks.
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
        if self.is_deferred_validation:
            self.instance.content_warnings = self.content_warnings(body)
            return cleaned_data
        # Block errors come first: the body widget shows one error structure at a time.
        if body is not None and "body" not in self.errors:
            error = cited_reference_errors(body, self.submitted_reference_count())
            if error is not None:
                self.add_error("body", error)
        return cleaned_data

    def content_warnings(self, body: Any) -> list[Problem]:
        if body is None:
            return []
        return content_problems(body, self.submitted_reference_count())

    def _post_clean(self) -> None:
        # Model validation would count the *saved* references; this form has already checked the submitted ones.
        self.instance.skip_citation_check = True
        try:
            super()._post_clean()
        finally:
            del self.instance.skip_citation_check
