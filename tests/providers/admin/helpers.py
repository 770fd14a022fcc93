"""Helpers for driving the providers admin through Django's test client."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import HttpResponse
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def admin_url(model: type[Model], view: str, *args: Any) -> str:
    """URL of a snippet admin view (``list``, ``add``, ``edit``, ``preview_on_edit``…) for ``model``."""
    return reverse(model.snippet_viewset.get_url_name(view), args=args)


def field_errors(response: HttpResponse, field: str) -> list[str]:
    """Errors the admin form shows on ``field`` (the form is re-rendered with status 200 on invalid input)."""
    form = response.context["form"]
    return [str(message) for message in form.errors.get(field, [])]


def holding_data(credential_pk: int, **overrides: Any) -> dict[str, Any]:
    """One credential-holding inline form, active and on the byline unless overridden."""
    data = {
        "credential": credential_pk,
        "status": "active",
        "show_on_byline": "on",
        "jurisdiction": "AZ",
        "number": "",
        "issued_on": "",
        "expires_on": "",
        "verified_on": "",
        "verification_method": "",
        "verification_source": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def provider_form_data(holdings: list[dict[str, Any]] | None = None, **overrides: Any) -> dict[str, Any]:
    """POST data for the clinician create/edit form."""
    data = {
        "honorific": "",
        "name": "Natalie Foster",
        "slug": "natalie-foster",
        "category": "clinical",
        "job_title": "Clinical Director",
        "photo": "",
        "bio": rich_text("<p>Helps adults with depression.</p>"),
        "credential_holdings": inline_formset(holdings or []),
        "translations": inline_formset([]),
        "npi": "1234567893",
        "user": "",
    }
    many_to_many = {key: overrides.pop(key) for key in ("centers", "specialties") if key in overrides}
    data.update(overrides)
    # Multi-select values are lists the test client posts as repeated keys; nested_form_data would flatten them.
    return {**nested_form_data(data), **many_to_many}


def center_form_data(**overrides: Any) -> dict[str, Any]:
    """POST data for the treatment-center create/edit form (no inline rows unless given)."""
    data = {
        "name": "Camelback Recovery",
        "slug": "camelback-recovery",
        "summary": "Outpatient care.",
        "street": "100 W Camelback Rd",
        "city": "Phoenix",
        "state": "AZ",
        "postal_code": "85013",
        "latitude": "33.509",
        "longitude": "-112.074",
        "timezone": "America/Phoenix",
        "phone_main": "(602) 555-0100",
        "phone_intake": "",
        "phone_after_hours": "",
        "website": "",
        "hours": inline_formset([]),
        "programs": inline_formset([]),
        "licenses": inline_formset([]),
        "contacts": inline_formset([]),
        "accreditations": inline_formset([]),
        "translations": inline_formset([]),
        "accepting_new_patients": "on",
        "accepting_as_of": "",
        "listing_verified_on": "",
        "listing_verification_method": "",
        "listing_verification_source": "",
    }
    many_to_many = {
        key: overrides.pop(key)
        for key in ("services", "conditions", "populations", "languages", "payers")
        if key in overrides
    }
    data.update(overrides)
    return {**nested_form_data(data), **many_to_many}


def no_translations() -> dict[str, Any]:
    """The empty "Translations" inline of a vocabulary term's or crisis line's form."""
    return nested_form_data({"translations": inline_formset([])})
