"""A4: the admin makes no request to a third party (avatars, fonts, scripts) — every request stays on our host."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
OWN_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def browser(monkeypatch):
    from playwright.sync_api import sync_playwright

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # see tests/browser/test_clinical_review_flow.py
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def test_admin_dashboard_edit_page_and_user_list_request_nothing_from_elsewhere(browser, live_server):
    # Start on a fresh connection: fault-injection tests that ran earlier on this xdist worker cut connections
    # to its database, and a cut one is only noticed on its next use (twice in full runs: AdminShutdown here).
    connection.close()
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    article = factories.published_article(reviewer, title="Requests stay home")
    get_user_model().objects.create_superuser("admin", "admin@example.org", factories.PASSWORD)

    requested: list[str] = []
    context = browser.new_context()
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", factories.PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    for path in ("/admin/", f"/admin/pages/{article.pk}/edit/", "/admin/users/", "/admin/account/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
    context.close()

    assert any("/admin/pages/" in url for url in requested)
    elsewhere = sorted(
        {
            url
            for url in requested
            if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).hostname not in OWN_HOSTS
        }
    )
    assert elsewhere == []
    assert not [url for url in requested if "gravatar" in url]
