"""The demo as `load_demo` builds it: the site's home page, sample centers, clinicians, and edits it keeps.

These tests share one load per module (``demo``, see ``tests/demo/conftest.py``); the loader's idempotency
tests, which need a database without the demo, are in ``test_loader.py``.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from demo.loader import WAGTAIL_WELCOME_TITLE, load_demo
from pages.models import ArticleIndexPage, ArticlePage, HomePage
from providers.models import Provider, TreatmentCenter
from providers.models.credentials import CREDENTIALING_GROUP

pytestmark = pytest.mark.django_db


def test_the_default_site_serves_a_home_page_instead_of_wagtails_welcome_page(demo):
    root = Page.get_first_root_node()
    assert not Page.objects.filter(title=WAGTAIL_WELCOME_TITLE).exists()
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # The home page and its Spanish translation (the demo translation's tree), nothing else.
    homes = [(child.specific_class, child.locale.language_code) for child in root.get_children()]
    assert homes == [(HomePage, "en"), (HomePage, "es")]
    index = ArticleIndexPage.objects.get(slug="resources", locale__language_code="en")
    assert index.get_parent().pk == site.root_page_id and index.live
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    assert article.get_url_parts()[2] == "/resources/iop-for-depression/"


def test_an_edited_demo_article_is_not_overwritten(demo):
    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    article.title = "Edited by an editor"
    article.save_revision()
    revisions = article.revisions.count()
    load_demo()
    assert article.revisions.count() == revisions
    assert article.get_latest_revision_as_object().title == "Edited by an editor"


def test_sample_centers_are_marked_and_located_in_arizona(demo):
    centers = TreatmentCenter.objects.all()
    assert 3 <= len(centers) <= 5
    for center in centers:
        assert center.is_sample_listing and "(sample listing)" in center.name and center.live
        assert center.state == "AZ" and center.timezone == "America/Phoenix"
        assert Decimal("31.3") < center.latitude < Decimal("37.0") and Decimal("-114.9") < center.longitude < Decimal(
            "-109.0"
        )
        levels = {program.level_of_care.slug for program in center.programs.all()}
        assert "intensive-outpatient" in levels
        services = set(center.services.values_list("slug", flat=True))
        assert {"dbt", "cbt", "group-therapy", "individual-therapy", "skills-training"} <= services
        assert center.hours.exists() and center.payers.exists() and center.languages.exists()
        assert center.phone_main.startswith("(") and "555-01" in center.phone_main
    assert any(program.level_of_care.slug == "partial-hospitalization" for c in centers for program in c.programs.all())
    assert {center.city for center in centers} >= {"Phoenix", "Scottsdale", "Mesa", "Tucson", "Tempe"} & {
        center.city for center in centers
    }


def test_sample_listings_were_verified_by_phone_by_a_credentialing_account(demo):
    for center in TreatmentCenter.objects.select_related("listing_verified_by"):
        verifier = center.listing_verified_by
        assert verifier.get_full_name() == "Dana Whitfield" and not verifier.has_usable_password()
        assert verifier.groups.filter(name=CREDENTIALING_GROUP).exists()
        assert center.listing_verification_method == TreatmentCenter.VerificationMethod.PHONE
        assert center.phone_intake in center.listing_verification_source
        assert center.listing_verified_on is not None
        assert center.listing_verification_errors(center.listing_verified_on) == {}


def test_clinicians_have_verified_credentials_and_reviewer_accounts(demo):
    from pages.review.eligibility import check_reviewer

    for provider in Provider.objects.all():
        assert provider.live
        assert provider.user is not None and not provider.user.has_usable_password()
        assert check_reviewer(provider.user) == provider  # eligible: group, published profile, good standing
        for holding in provider.credential_holdings.all():
            assert holding.verified_on is not None and holding.verification_method
    assert get_user_model().objects.filter(provider__isnull=False).count() == 3
