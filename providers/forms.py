"""Admin forms for providers: credentials governed by Credentialing (W7), verifier from the request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from pages.review.roles import REVIEWERS_GROUP

from .models.credentials import (
    GOVERNED_HOLDING_FIELDS,
    CredentialChangeRefused,
    can_manage_credentials,
    check_credential_change,
    governed_state,
    provider_governed_state,
)


def _verified_today_by_default(holdings: Any) -> None:
    """New credential rows start with today's verification date: the extra rows the form shows, and the rows the
    editor adds in the browser ("Add credential"), which are copies of ``empty_form``. Django builds a new
    ``empty_form`` on every access, so the date goes in through the formset's ``get_form_kwargs`` (index None)."""
    for form in holdings.forms:
        if form.instance.pk is None and "verified_on" in form.fields:
            form.fields["verified_on"].initial = timezone.localdate
    form_kwargs_for = holdings.get_form_kwargs

    def get_form_kwargs(index: int | None) -> dict[str, Any]:
        kwargs = form_kwargs_for(index)
        if index is None:
            kwargs["initial"] = {**kwargs.get("initial", {}), "verified_on": timezone.localdate()}
        return kwargs

    holdings.get_form_kwargs = get_form_kwargs


def _every_row(formset: Any, change: Callable[[Any], None]) -> None:
    """Apply ``change`` to every row form of ``formset``: those built already and any built later, such as the
    ``empty_form`` the "Add" button copies (Django builds a new one on every access, each through ``add_fields``)."""
    for form in formset.forms:
        change(form)
    add_fields = formset.add_fields

    def add_fields_then_change(form: Any, index: int | None) -> None:
        add_fields(form, index)
        change(form)

    formset.add_fields = add_fields_then_change


def _lock_holding(form: Any) -> None:
    for name in (*GOVERNED_HOLDING_FIELDS, "DELETE"):
        if name in form.fields:
            form.fields[name].disabled = True


class ProviderAdminForm(WagtailAdminModelForm):
    """Clinician edit form. What decides who may sign off is governed (W7); the verifier comes from the request.

    * For users outside Credentialing (``can_manage_credentials``) the account link, the category and the
      languages reviewed in (once the profile exists) and every credential holding are shown but disabled: posted
      values for them are ignored, holdings cannot be added or removed (the credentials panel offers no "Add" or
      "Delete": ``formset.rows_fixed_because``, read by ``FixedRowsInlinePanel``), and ``is_valid`` also refuses
      any difference in what W7 protects (``check_credential_change``, the rule's home) so a form built
      differently cannot slip one through.
      Editors keep the public profile: name, photo, bio, job title, specialties, centers, NPI.
    * The account dropdown lists only members of the "Clinical reviewers" group (and the current link).
    * ``verified_by`` is stamped with the signed-in user on every holding whose verification was entered or
      changed; a new holding's verification date defaults to today.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self.may_manage_credentials = can_manage_credentials(user)
        self._stored_state = provider_governed_state(self.instance) if self.instance.pk else None
        if "user" in self.fields:
            accounts = get_user_model().objects.filter(groups__name=REVIEWERS_GROUP)
            if self.instance.user_id:
                accounts = accounts | get_user_model().objects.filter(pk=self.instance.user_id)
            self.fields["user"].queryset = accounts.distinct().order_by("username")
        holdings = self.formsets.get("credential_holdings")
        if holdings is not None:
            _verified_today_by_default(holdings)
        if not self.may_manage_credentials:
            self._lock_governed_fields()

    def _lock_governed_fields(self) -> None:
        locked = ["user"] + (["category", "languages"] if self.instance.pk else [])
        for name in locked:
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = "Only the Credentialing team can change this."
        holdings = self.formsets.get("credential_holdings")
        if holdings is None:
            return
        holdings.extra = 0
        holdings.rows_fixed_because = "Only the Credentialing team can add or remove credentials."
        _every_row(holdings, _lock_holding)

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        try:
            check_credential_change(getattr(self, "for_user", None), self._proposed_state(), self._stored_state)
        except CredentialChangeRefused as refusal:
            self.add_error(None, str(refusal))
            return False
        return True

    def _proposed_state(self) -> tuple:
        holdings = self.formsets.get("credential_holdings")
        kept = []
        if holdings is not None:
            for form in holdings.forms:
                if form in holdings.deleted_forms or (form.instance.pk is None and not form.has_changed()):
                    continue
                kept.append(form.instance)
        languages = self.cleaned_data.get("languages")
        language_ids = [language.pk for language in languages] if languages is not None else []
        return governed_state(self.instance.user_id, self.instance.category, kept, language_ids)

    def save(self, commit: bool = True) -> Any:
        user = getattr(self, "for_user", None)
        holdings = self.formsets.get("credential_holdings")
        if holdings is not None and user is not None and user.is_authenticated and self.may_manage_credentials:
            for form in holdings.forms:
                if not form.has_changed() or form in holdings.deleted_forms:
                    continue
                verification = {"verified_on", "verification_method", "verification_source"}
                if verification & set(form.changed_data) and form.cleaned_data.get("verified_on"):
                    form.instance.verified_by = user
        return super().save(commit=commit)


LISTING_VERIFICATION_FIELDS = ("listing_verified_on", "listing_verification_method", "listing_verification_source")


class TreatmentCenterAdminForm(WagtailAdminModelForm):
    """Center edit form: the listing's verifier comes from the request; opening hours on a day must not overlap.

    * A verification is recorded when "I verified this listing today" is ticked (the date becomes today) or when
      its date, method or source is changed: the signed-in user becomes ``listing_verified_by`` (not a form field,
      so it cannot be posted), and the model then asks for the method and source
      (``TreatmentCenter.listing_verification_errors``). Clearing all three clears the verifier. A new listing's
      date starts at today. Saving anything else leaves the verification, old ones without a verifier included.
    * Hours rows are each checked on their own model; overlaps between rows of one day are checked here.
    """

    listing_verified_today = forms.BooleanField(
        label="I verified this listing today",
        required=False,
        help_text="Tick after checking the listing with the facility: saving records you and today's date.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            self.fields.pop("listing_verified_today", None)  # a new listing's date already starts at today
            if "listing_verified_on" in self.fields and not self.initial.get("listing_verified_on"):
                self.initial["listing_verified_on"] = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        self._record_verifier(cleaned_data)
        self._refuse_overlapping_hours()
        return cleaned_data

    def _record_verifier(self, cleaned_data: dict[str, Any]) -> None:
        if any(name in self.errors or name not in self.fields for name in LISTING_VERIFICATION_FIELDS):
            return
        verified_today = cleaned_data.get("listing_verified_today", False)
        if verified_today:
            cleaned_data["listing_verified_on"] = timezone.localdate()
        proposed = tuple(cleaned_data.get(name) for name in LISTING_VERIFICATION_FIELDS)
        stored = tuple(getattr(self.instance, name) for name in LISTING_VERIFICATION_FIELDS)
        if not verified_today and proposed == stored:
            return
        user = getattr(self, "for_user", None)
        recorded = cleaned_data.get("listing_verified_on") and user is not None and user.is_authenticated
        self.instance.listing_verified_by = user if recorded else None

    def _refuse_overlapping_hours(self) -> None:
        hours = self.formsets.get("hours")
        if hours is None or not hours.is_valid():
            return
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
