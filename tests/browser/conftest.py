"""Browser fixtures: headless Chromium, a live server safe on SQLite, and logins by session cookie."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from pytest_django.live_server_helper import LiveServer

from tests.conftest import CHROMIUM_PATH

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# Playwright waits (for a URL, a selector, a response) give up after this long. Waits end as soon as what they
# wait for happens; the margin is for a loaded machine (two cores shared by many test runs).
WAIT_MS = 30_000


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, handling one request (static files aside) at a time across its threads, as production
    does: gunicorn runs sync workers (gunicorn.conf.py), one request per process at a time.

    Two requests at once (the editor's autosave and "Submit", two editors saving) failed otherwise:
    * on SQLite the test database lives in memory, shared between connections ("cache=shared"), and SQLite
      answers a second connection's write with "database table is locked" at once (WAL, immediate transactions
      and the busy timeout of the settings do not apply to an in-memory database);
    * on PostgreSQL with a 500: Wagtail's Draftail converter feeds one shared ``HTMLParser`` from both threads
      ("unexpected call to parse_endtag"). Not a production problem with sync workers; ``runserver`` is threaded.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.one_at_a_time = threading.Lock()

    def set_app(self, application: Any) -> None:
        static_prefix = settings.STATIC_URL

        def serialized(environ: dict, start_response: Any) -> Any:
            if environ.get("PATH_INFO", "").startswith(static_prefix):  # static files touch no database
                return application(environ, start_response)
            with self.one_at_a_time:
                return application(environ, start_response)

        super().set_app(serialized)


@pytest.fixture(scope="session")
def live_server(django_db_setup: None) -> Iterator[LiveServer]:
    """pytest-django's live server, serving one request at a time, each thread with a connection of its own.

    On in-memory SQLite pytest-django would hand the test thread's connection to every server thread, mixing
    the test's and the requests' transactions on one connection; own connections to the shared in-memory
    database keep each whole. The server starts after the test database exists (``django_db_setup``).
    """
    server = LiveServer(os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost", start=False)
    server.thread.connections_override = {}
    server.thread.server_class = OneRequestAtATimeServer
    server.start()
    yield server
    server.stop()


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """One headless Chromium for the test, started after its database is ready and stopped before it is emptied.

    Not shared across tests: while Playwright runs, the test thread's ORM calls no longer reach the connection
    that holds the seed data to restore between transactional tests, and every browser test after the first
    lost the seeded groups, vocabularies and home page. Starting Chromium costs well under a second.
    """
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API runs an event loop in this thread, under which Django refuses synchronous ORM calls.
    # Allowed for this test only: set for the session it would leak into every later test and subprocess.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    expect.set_options(timeout=WAIT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def _quiet_edit_pages(settings: Any) -> None:
    """Open edit pages do not ping the server every few seconds ("who else is editing") during a test: on
    SQLite such a background write shares the test's connection with whatever the test does meanwhile."""
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 3_600_000


@pytest.fixture
def signed_in(browser: Any, live_server: LiveServer) -> Iterator[Any]:
    """``signed_in(user)`` opens a page already logged in as ``user`` (the login form is not under test).

    Afterwards its pages close and the requests they left in flight finish before the test's database is
    emptied: on SQLite a late request would share the connection with the flush and the restore of seed data.
    """
    contexts: list[Any] = []

    def open_page_as(user: Any) -> Any:
        client = Client()
        client.force_login(user)
        context = browser.new_context(base_url=live_server.url)
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(WAIT_MS)
        return page

    yield open_page_as
    for context in contexts:
        context.close()
    with live_server.thread.httpd.one_at_a_time:  # taken once every request still being served has finished
        pass


def messages_text(page: Any) -> str:
    """The text of the admin's message area ("" when there is none)."""
    messages = page.locator(".messages")
    return messages.inner_text() if messages.count() else ""


class Clicks:
    """Counts the clicks a person makes (typing is not a click)."""

    def __init__(self) -> None:
        self.count = 0

    def click(self, locator: Any) -> None:
        self.count += 1
        locator.click()
