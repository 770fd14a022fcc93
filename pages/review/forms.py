"""The reviewer's form: decision, attestation, note, and which revision (by fingerprint) the reviewer was shown.

Any screen that renders a clinical review action form must include its hidden ``revision`` and ``fingerprint``
fields with the values of the revision it showed: build the form with ``revision=`` (or call ``show_revision``
on one Wagtail built). An approval without them, or with a fingerprint that no longer matches the stored
revision, is refused (``pages.review.services.record_signoff``, W6).
"""

from __future__ import annotations

from typing import Any

from django import forms

from .hashing import revision_fingerprint

APPROVED, CHANGES_REQUESTED = "approved", "changes_requested"
ATTESTATION_LABEL = (
    "I attest that I reviewed the whole article in this revision and that its clinical content is accurate."
)


class ClinicalSignOffForm(forms.Form):
    """Base form; the two subclasses fix the decision to the action the reviewer chose."""

    decision_value = APPROVED
    decision = forms.ChoiceField(
        choices=[(APPROVED, "Approved"), (CHANGES_REQUESTED, "Changes requested")], widget=forms.HiddenInput
    )
    attestation = forms.BooleanField(required=True, label=ATTESTATION_LABEL)
    note = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), label="Note", help_text="Kept with the sign-off."
    )
    # Checked by the task (not here): a missing or stale value must reach it to be refused with a message.
    revision = forms.IntegerField(required=False, widget=forms.HiddenInput)
    fingerprint = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def __init__(self, *args: Any, revision: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["decision"] = self.decision_value
        super().__init__(*args, **kwargs)
        if revision is not None:
            self.show_revision(revision)

    def show_revision(self, revision: Any) -> ClinicalSignOffForm:
        """Fill the hidden ``revision`` and ``fingerprint`` fields with the revision the screen shows."""
        self.initial["revision"] = revision.pk
        self.initial["fingerprint"] = revision_fingerprint(revision)
        return self

    def clean_decision(self) -> str:
        decision = self.cleaned_data["decision"]
        if decision != self.decision_value:
            raise forms.ValidationError("The decision does not match the chosen action.")
        return decision


class ApproveForm(ClinicalSignOffForm):
    decision_value = APPROVED


class RequestChangesForm(ClinicalSignOffForm):
    decision_value = CHANGES_REQUESTED
    attestation = forms.BooleanField(required=False, label=ATTESTATION_LABEL)
    note = forms.CharField(
        required=True,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="What needs to change",
        help_text="The editor sees this note.",
    )


def form_for_action(action_name: str) -> type[ClinicalSignOffForm] | None:
    return {"approve": ApproveForm, "reject": RequestChangesForm}.get(action_name)
