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
