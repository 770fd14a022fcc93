"""The demo content, loaded once per module (the loader is what `make run` calls; a load takes seconds).

Each test still runs in its own savepoint on top of the loaded demo (see :mod:`tests.shared_data`), so a test
that edits the demo leaves the next one the untouched demo. Tests that need a database *without* the demo
(the loader's own idempotency tests) live in modules that never ask for ``demo``.
"""

from __future__ import annotations

import pytest

from demo.loader import load_demo
from tests.shared_data import shared_transaction


@pytest.fixture(scope="module")
def _demo_for_module(django_db_setup, django_db_blocker):
    yield from shared_transaction(django_db_blocker, load_demo)


@pytest.fixture
def demo(_demo_for_module, db):
    return _demo_for_module
