"""The demo article opens in the admin editor and its preview shows every part of the seed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from pages.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "editor@example.com", "pw"))
    return client


def test_demo_article_opens_in_the_editor(demo, editor_client):
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=(article.pk,)))
    assert response.status_code == 200
    assert response.context["form"]["change_kind"].value() == "substantive"


def test_demo_article_preview_shows_every_block(demo, editor_client):
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    response = editor_client.get(reverse("wagtailadmin_pages:view_draft", args=(article.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "IOP for Depression: What to Expect and How It Works",
        '<h2 id="what-an-iop-for-depression-really-is">What an IOP for Depression Really Is</h2>',
        "Dialectical behavior therapy (DBT) for regulating emotions",
        "Start personalized outpatient care",
        "Get support that fits you",
        'href="tel:6025550101"',
        "21 million",
        "Our Treatment Centers",
        "Arizona IOP – Tucson (sample listing)",
        "first-party recommendation",
        "Choosing the Right Program: Arizona IOP",
        "Major Depression",
    ):
        assert text in html, text
