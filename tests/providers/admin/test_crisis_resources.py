"""Crisis-resource admin: the 988 line is listed live; edits are drafts until published."""

from __future__ import annotations

import pytest

from providers.models import CrisisResource

from .helpers import admin_url, no_translations

pytestmark = pytest.mark.django_db


def lifeline() -> CrisisResource:
    return CrisisResource.objects.get(name="988 Suicide & Crisis Lifeline")


def test_listing_add_edit_and_history_answer(admin_client):
    response = admin_client.get(admin_url(CrisisResource, "list"))
    assert response.status_code == 200
    assert "988 Suicide &amp; Crisis Lifeline" in response.content.decode()
    assert admin_client.get(admin_url(CrisisResource, "add")).status_code == 200
    assert admin_client.get(admin_url(CrisisResource, "edit", lifeline().pk)).status_code == 200
    assert admin_client.get(admin_url(CrisisResource, "history", lifeline().pk)).status_code == 200


def test_saving_an_edit_is_a_draft_until_published(admin_client):
    data = {
        "name": "988 Suicide & Crisis Lifeline",
        "call": "988",
        "text": "988",
        "chat_url": "https://example.org/chat/",
        **no_translations(),
    }
    data["sort_order"] = "0"
    assert admin_client.post(admin_url(CrisisResource, "edit", lifeline().pk), data).status_code == 302
    assert lifeline().chat_url == "https://988lifeline.org/chat/"
    assert lifeline().has_unpublished_changes

    data["action-publish"] = "action-publish"
    assert admin_client.post(admin_url(CrisisResource, "edit", lifeline().pk), data).status_code == 302
    assert lifeline().chat_url == "https://example.org/chat/"


def test_a_line_without_any_contact_is_refused(admin_client):
    data = {"name": "Empty", "call": "", "text": "", "chat_url": "", "sort_order": "0", **no_translations()}
    response = admin_client.post(admin_url(CrisisResource, "add"), data)
    assert response.status_code == 200
    assert response.context["form"].errors["call"]
