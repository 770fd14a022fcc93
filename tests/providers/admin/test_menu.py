"""The providers admin lives under one "Providers & centers" menu."""

from __future__ import annotations

import pytest
from django.urls import reverse

from providers.models import CrisisResource, Provider, TreatmentCenter

from .helpers import admin_url

pytestmark = pytest.mark.django_db


def test_admin_menu_groups_providers_snippets(admin_client):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar is rendered from JSON props, where "&" is escaped.
    assert '"label": "Providers \\u0026 centers"' in html
    for model in (Provider, TreatmentCenter, CrisisResource):
        assert admin_url(model, "list") in html


def test_listing_urls_live_under_providers():
    assert admin_url(Provider, "list") == "/admin/providers/clinicians/"
    assert admin_url(TreatmentCenter, "list") == "/admin/providers/centers/"
