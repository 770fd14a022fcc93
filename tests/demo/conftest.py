"""The demo content, loaded once per test (the loader is what `make run` calls)."""

from __future__ import annotations

import pytest

from demo.loader import load_demo


@pytest.fixture
def demo(db):
    return load_demo()
