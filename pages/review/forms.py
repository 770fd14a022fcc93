"""The reviewer's form: decision, attestation and note (shown in Wagtail's workflow action modal)."""

from __future__ import annotations

from typing import Any

from django import forms

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {})["decision"] = self.decision_value
        super().__init__(*args, **kwargs)

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
