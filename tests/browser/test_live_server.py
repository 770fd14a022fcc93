"""Requests the browser sends at the same time all succeed, on SQLite and on PostgreSQL.

Without ``OneRequestAtATimeServer`` (tests/browser/conftest.py) this failed: on SQLite with "database table is
locked", on PostgreSQL with a 500 from Wagtail's Draftail converter shared between the server's threads.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages.models import ArticlePage
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_three_editors_saving_at_the_same_moment_are_all_saved(signed_in):
    pages = [factories.draft_article(title=f"Article {number}") for number in range(3)]
    tabs = []
    for page in pages:
        tab = signed_in(factories.editor())
        tab.goto(f"/admin/pages/{page.pk}/edit/")
        tab.fill("#id_title", f"{page.title}, saved")
        tabs.append(tab)
    for tab in tabs:  # submit all three forms before waiting for any answer
        tab.evaluate("document.getElementById('page-edit-form').requestSubmit()")
    for tab in tabs:
        expect(tab.locator(".messages")).to_contain_text("has been updated")
    for page in pages:
        assert ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object().title == f"{page.title}, saved"
