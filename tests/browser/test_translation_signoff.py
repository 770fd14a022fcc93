"""End to end in headless Chromium: translate an article into Spanish, submit it, and have it signed off by a
reviewer who reads Spanish.

An editor opens simple translation's "Translate" action from the English article's editor (its "Actions"
menu), picks Spanish and opens the Spanish copy's editor; they write the Spanish title and submit it for
clinical review. An English-only
reviewer is refused with a message naming the language; a reviewer whose profile lists Spanish signs it off
and it goes live. The API then serves it under ``?locale=es`` with its own reviewer in the byline, while the
English article keeps its own.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from pages.models import ArticlePage
from tests import factories
from tests.browser.conftest import messages_text
from tests.factories.translations import spanish_reviewer, translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SPANISH_TITLE = "TIP para la depresión: qué esperar"


def test_editor_translates_english_only_reviewer_refused_spanish_reader_signs_off(signed_in):
    english_only = factories.reviewer("medical", ("MD",), name="Michael Vines", honorific="Dr.", slug="michael-vines")
    lucia = spanish_reviewer("clinical", ("LPC",), name="Lucía Ortega", slug="lucia-ortega")
    source = factories.public_article(
        [english_only], title="IOP for depression", slug="iop-for-depression", body=factories.body("Group care.")
    )
    translate(source.get_parent().specific, "es").save_revision().publish()  # the Spanish section exists

    # The editor follows the article's "Translate" action and picks Spanish.
    editor = signed_in(factories.editor(username="erin.editor", first_name="Erin", last_name="Editor"))
    editor.goto(f"/admin/pages/{source.pk}/edit/")
    editor.get_by_role("button", name="Actions").first.click()  # the editor header's actions menu
    editor.get_by_role("link", name="Translate").click()
    editor.wait_for_url(f"**{reverse('simple_translation:submit_page_translation', args=[source.pk])}")
    assert "Translate page IOP for depression" in editor.title()
    editor.get_by_label("Spanish").check()
    editor.get_by_role("button", name="Submit").click()
    editor.wait_for_url(lambda url: "/translation/submit/" not in url)
    assert "successfully created" in messages_text(editor).lower()
    spanish = ArticlePage.objects.get(translation_key=source.translation_key, locale__language_code="es")
    assert not spanish.live

    # The Spanish copy: the editor writes its title and submits it for clinical review.
    editor.goto(f"/admin/pages/{spanish.pk}/edit/")
    editor.fill("#id_title", SPANISH_TITLE)
    editor.locator("footer").get_by_role("button", name="Submit for clinical review").click()
    editor.wait_for_url(lambda url: f"/pages/{spanish.pk}/edit/" not in url)
    assert "submitted for clinical review" in messages_text(editor)

    # An English-only reviewer is refused, and told which language the page is in.
    vines = signed_in(english_only)
    vines.goto(f"/admin/review/pages/{spanish.pk}/")
    approve = vines.locator("[data-review-action=approve]")
    if approve.count():
        approve.locator("input[name=attestation]").check()
        approve.get_by_role("button", name="Sign off").click()
        vines.wait_for_load_state()
    said = messages_text(vines) + vines.locator("[data-review-banner]").inner_text()
    assert "Spanish" in said and "does not list Spanish" in said
    assert not ArticlePage.objects.get(pk=spanish.pk).live

    # The Spanish-reading reviewer signs it off: it goes live.
    reviewer = signed_in(lucia)
    reviewer.goto(f"/admin/review/pages/{spanish.pk}/")
    sign_off = reviewer.locator("[data-review-action=approve]")
    sign_off.locator("input[name=attestation]").check()
    sign_off.locator("textarea[name=note]").fill("Traducción revisada frente al original.")
    sign_off.get_by_role("button", name="Sign off").click()
    reviewer.wait_for_url("**/admin/")
    assert "Signed off and published" in messages_text(reviewer)

    # The API serves the translation in Spanish with its own reviewer; the English article keeps its own.
    es = editor.request.get("/api/v1/articles/iop-for-depression/?locale=es")
    assert es.headers["content-language"] == "es"
    data = es.json()
    assert (data["locale"], data["title"]) == ("es", SPANISH_TITLE)
    assert [entry["display_name"] for entry in data["byline"]["clinical_providers"]] == ["Lucía Ortega, LPC"]
    assert data["byline"]["medical_providers"] == []
    english = editor.request.get("/api/v1/articles/iop-for-depression/").json()
    assert [entry["display_name"] for entry in english["byline"]["medical_providers"]] == ["Dr. Michael Vines, MD"]
