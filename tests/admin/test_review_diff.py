"""The review screen's diff names only what the editor changed: a title-only edit is not "Body changed".

The editor's form re-saves rich text the way Draftail writes it (``<p data-block-key="…">``), so the body's
stored value differs from the live one even when nobody touched it. The browser flow
(tests/browser/test_clinical_review_flow.py) shows it with the real form; these tests pin the rule.
"""

from __future__ import annotations

import json

import pytest
from django.test import RequestFactory

from pages.models import ArticlePage
from pages.review.views.review_screen import comparison
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def live():
    vines = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    return factories.published_article(vines, title="Sleep and depression", text="Sleep and mood are linked.")


def as_draftail_writes(blocks: list[dict], replace: tuple[str, str] = ("", "")) -> list[dict]:
    """The blocks with each paragraph's HTML as Draftail saves it (and ``replace`` applied to its text)."""
    return json.loads(json.dumps(blocks).replace("<p>", '<p data-block-key=\\"k3x9a\\">').replace(*replace))


def resaved(page: ArticlePage, blocks: list[dict] | None = None, **fields) -> ArticlePage:
    """``page``'s latest content saved again as the editor's form would: same blocks, Draftail's HTML."""
    draft = page.get_latest_revision_as_object()
    draft.body = blocks if blocks is not None else as_draftail_writes(list(draft.body.raw_data))
    for name, value in fields.items():
        setattr(draft, name, value)
    return draft.save_revision().as_object()


def changed(page: ArticlePage, new: ArticlePage) -> list[str]:
    request = RequestFactory().get("/")
    request.user = factories.user(is_superuser=True)
    return [str(diff.field_label()) for diff in comparison(page, page.live_revision.as_object(), new, request)]


def test_a_title_only_edit_shows_only_the_title(live):
    assert changed(live, resaved(live, title="Sleep and depression: what helps")) == ["Title"]


def test_changed_words_in_the_body_are_still_shown(live):
    blocks = as_draftail_writes(list(live.body.raw_data), replace=("Sleep and mood", "Sleep and anxiety"))
    assert changed(live, resaved(live, blocks)) == ["Body"]


def test_reordered_blocks_are_shown():
    vines = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    paragraphs = [("paragraph", factories.rich("<p>First.</p>")), ("paragraph", factories.rich("<p>Second.</p>"))]
    live = factories.published_article(vines, body=paragraphs)
    reordered = as_draftail_writes(list(reversed(list(live.body.raw_data))))
    assert changed(live, resaved(live, reordered)) == ["Body"]
