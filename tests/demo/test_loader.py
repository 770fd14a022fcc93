"""`load_demo` builds the site and is idempotent: a second run, or a run over existing content, changes nothing."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from demo.loader import load_demo
from pages.models import ArticleIndexPage, ArticlePage, HomePage
from pages.review.models import SignOff
from providers.models import Provider, TreatmentCenter
from tests.factories.pages import ArticlePageFactory

pytestmark = pytest.mark.django_db

# Key values per model: what "the same database" means beyond row counts.
KEY_VALUES = {
    Page: ("id", "title", "slug", "url_path", "live", "live_revision_id", "first_published_at", "last_published_at"),
    Site: ("hostname", "port", "root_page_id", "is_default_site", "site_name"),
    Revision: ("id", "object_id", "created_at"),
    TreatmentCenter: ("slug", "name", "live", "latitude", "longitude"),
    Provider: ("slug", "honorific", "name", "category", "user_id", "live"),
    SignOff: ("page_id", "revision_id", "reviewer_id", "decision", "signed_at"),
}


def snapshot() -> dict:
    """Row counts of every model plus key values of the demo's models."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    values = {
        model._meta.label: sorted(model._default_manager.values_list(*fields), key=repr)
        for model, fields in KEY_VALUES.items()
    }
    return {"counts": counts, "values": values}


def test_running_the_loader_twice_leaves_the_same_database():
    first = load_demo()
    after_first = snapshot()
    second = load_demo()
    assert first.created and not second.created
    assert snapshot() == after_first


def test_management_command_reports_and_is_repeatable(capsys):
    call_command("load_demo")
    assert "Demo content created" in capsys.readouterr().out
    before = snapshot()
    call_command("load_demo")
    assert "created" not in capsys.readouterr().out.split("already present")[0]
    assert snapshot() == before


def test_loading_over_existing_content_keeps_it_and_adds_the_demo():
    existing = ArticlePageFactory(title="Our own article", slug="our-own-article")  # under /resources/ already
    before = existing.get_parent().pk
    load_demo()
    existing.refresh_from_db()
    assert existing.title == "Our own article" and existing.get_parent().pk == before
    english = {"locale__language_code": "en"}
    assert ArticleIndexPage.objects.filter(**english).count() == 1
    assert set(ArticlePage.objects.filter(**english).values_list("slug", flat=True)) == {
        "our-own-article",
        "iop-for-depression",
    }
    assert HomePage.objects.filter(**english).count() == 1
