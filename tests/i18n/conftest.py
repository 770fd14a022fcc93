"""Fixtures for translation tests: an editor, an English-only and a Spanish-reading reviewer."""

from __future__ import annotations

import pytest

from tests import factories
from tests.factories.translations import spanish_reviewer


@pytest.fixture
def editor_user(db):
    return factories.editor(username="editor")


@pytest.fixture
def medical_reviewer(db):
    """Reads no Spanish (no languages listed on the profile)."""
    return factories.reviewer("medical", ("MD",), name="Michael Vines", honorific="Dr.", slug="michael-vines")


@pytest.fixture
def spanish_clinical_reviewer(db):
    return spanish_reviewer("clinical", ("LPC",), name="Lucía Ortega", slug="lucia-ortega")
