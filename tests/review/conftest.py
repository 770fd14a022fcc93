"""Fixtures for clinical-review tests."""

from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def medical_reviewer(db):
    return factories.reviewer("medical", ("MD",), name="Michael Vines", honorific="Dr.", slug="michael-vines")


@pytest.fixture
def clinical_reviewer(db):
    return factories.reviewer("clinical", ("LPC-S", "MS"), name="Natalie Foster", slug="natalie-foster")


@pytest.fixture
def editor_user(db):
    return factories.editor(username="editor")
