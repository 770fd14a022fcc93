"""Preview rendering of saved clinicians and centers (what "Preview" shows before any edit)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from tests.factories.providers import (
    CredentialFactory,
    CredentialHoldingFactory,
    ProviderFactory,
    TreatmentCenterFactory,
)

pytestmark = pytest.mark.django_db


def render(obj) -> str:
    return obj.serve_preview(RequestFactory().get("/"), "default").render().content.decode()


def test_saved_clinician_marks_only_hidden_credentials_as_not_printed():
    provider = ProviderFactory(name="Alex Spritzer", credentials=["FNP", "CARN-AP"])
    CredentialHoldingFactory(provider=provider, credential=CredentialFactory(code="RN"), show_on_byline=False)
    html = render(provider)
    assert "Alex Spritzer, FNP, CARN-AP<" in html
    assert html.count("Not printed after the name") == 1


def test_saved_center_lists_only_public_clinicians():
    center = TreatmentCenterFactory(name="Arizona IOP", programs=["intensive-outpatient"], hours=True)
    ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"], centers=[center])
    ProviderFactory(name="Draft Person", draft=True, centers=[center])
    html = render(center)
    assert "Natalie Foster, LPC-S, MS" in html
    assert "Draft Person" not in html
    assert "Friday" in html and "Saturday" not in html
