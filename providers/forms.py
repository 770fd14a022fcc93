"""Admin forms for providers: record who verified a credential, from the request, never typed."""

from __future__ import annotations

from typing import Any

from wagtail.admin.forms import WagtailAdminModelForm


class ProviderAdminForm(WagtailAdminModelForm):
    """Clinician edit form: stamps ``verified_by`` on every credential whose verification date was entered or changed.

    The verifier is the admin user saving the form (``for_user``), so the verification record names a real person
    without a field anyone could fill in for someone else.
    """

    def save(self, commit: bool = True) -> Any:
        user = getattr(self, "for_user", None)
        holdings = self.formsets.get("credential_holdings")
        if holdings is not None and user is not None and user.is_authenticated:
            for form in holdings.forms:
                if not form.has_changed() or form in holdings.deleted_forms:
                    continue
                if "verified_on" in form.changed_data and form.cleaned_data.get("verified_on"):
                    form.instance.verified_by = user
        return super().save(commit=commit)


class TreatmentCenterAdminForm(WagtailAdminModelForm):
    """Center edit form: opening hours on the same day must not overlap (each row is checked on its own model)."""

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        hours = self.formsets.get("hours")
        if hours is None or not hours.is_valid():
            return cleaned_data
        by_day: dict[str, list[Any]] = {}
        for form in hours.forms:
            if form in hours.deleted_forms or (not form.has_changed() and form.instance.pk is None):
                continue
            day, opens, closes = (form.cleaned_data.get(key) for key in ("day", "opens", "closes"))
            if day and opens and closes:
                by_day.setdefault(day, []).append((opens, closes, form))
        for ranges in by_day.values():
            ranges.sort(key=lambda row: row[0])
            for (_, previous_closes, _), (opens, _, form) in zip(ranges, ranges[1:], strict=False):
                if opens < previous_closes:
                    form.add_error("opens", "These hours overlap other hours on the same day.")
        return cleaned_data
