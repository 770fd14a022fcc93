"""Editors translate an article in the admin (Wagtail's simple translation), see which source revision the
translation follows, and see "translation out of date" once the source's content changes."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale

from pages.models import ArticlePage
from pages.review.models import TranslationOrigin
from pages.review.translations import translation_status
from tests import factories
from tests.factories.translations import locale, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(medical_reviewer):
    return factories.published_article(medical_reviewer, text="Original words.", title="IOP for depression")


def change_source(page: ArticlePage, reviewer, text: str) -> None:
    """A new signed, live revision of the source with different words."""
    page.body = factories.body(text)
    factories.publish(page, [reviewer])


def test_locales_come_from_the_languages_setting():
    assert settings.WAGTAIL_I18N_ENABLED
    assert [code for code, _ in settings.LANGUAGES] == ["en", "es"]
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en", "es"}
    assert Locale.get_default().language_code == "en"


def test_editor_translates_an_article_in_the_admin(client, editor_user, source):
    translate(source.get_parent().specific, "es")  # the section exists in Spanish already
    client.force_login(editor_user)
    url = reverse("simple_translation:submit_page_translation", args=[source.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"locales": [locale("es").pk]})
    assert response.status_code == 302

    spanish = source.get_translation(locale("es")).specific
    assert spanish.pk != source.pk and not spanish.live  # a draft: it needs its own sign-off
    origin = TranslationOrigin.objects.get(page=spanish)
    assert (origin.source_page_id, origin.source_revision_id) == (source.pk, source.live_revision_id)


def test_status_screen_shows_the_followed_revision_and_when_it_is_out_of_date(
    client, editor_user, source, medical_reviewer
):
    spanish = translate(source, "es")
    followed = source.live_revision_id
    client.force_login(editor_user)
    status_url = reverse("review_translation_status", args=[spanish.pk])

    page = client.get(status_url).content.decode()
    assert f"#{followed}" in page and "Up to date" in page
    assert not translation_status(spanish).out_of_date

    source = ArticlePage.objects.get(pk=source.pk)
    change_source(source, medical_reviewer, "New clinical guidance.")
    status = translation_status(spanish)
    assert status.out_of_date and status.followed_revision_id == followed
    assert status.current_revision_id == ArticlePage.objects.get(pk=source.pk).live_revision_id
    assert "Translation out of date" in client.get(status_url).content.decode()

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[spanish.pk]))
    assert edit.status_code == 200
    assert any("Translation out of date" in str(m) for m in get_messages(edit.wsgi_request))
    assert "Translation out of date" in edit.content.decode()  # the header button

    assert client.post(status_url).status_code == 302
    status = translation_status(spanish)
    assert not status.out_of_date and status.followed_revision_id == status.current_revision_id
    assert TranslationOrigin.objects.get(page=spanish).recorded_by == editor_user


def test_resaving_identical_source_content_is_not_a_change(source, medical_reviewer):
    spanish = translate(source, "es")
    source.save_revision()  # same words, new revision
    assert not translation_status(spanish).out_of_date


def test_status_screen_is_for_editors_of_the_translation(client, source):
    spanish = translate(source, "es")
    client.force_login(factories.user())
    assert client.get(reverse("review_translation_status", args=[spanish.pk])).status_code in (302, 403)
    client.force_login(factories.editor())
    assert client.get(reverse("review_translation_status", args=[source.pk])).status_code == 404  # not a translation
