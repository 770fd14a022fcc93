"""A listing's verification through the center admin: who is recorded from the signed-in user, never posted; the date
starts at today and is never in the future; a recorded verification says how and where; older ones stay put."""

from __future__ import annotations

import pytest
from django.test import Client

from providers.models import TreatmentCenter
from tests import factories
from tests.factories.providers import TreatmentCenterFactory, days_ago

from .helpers import admin_url, center_form_data, field_errors

pytestmark = pytest.mark.django_db

SOURCE = "Admissions line (602) 555-0101, spoke with the intake coordinator"


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_data(center: TreatmentCenter, **changes) -> dict:
    """The center's edit form as it stands (verification included), with ``changes`` typed in; published."""
    stored = {
        "name": center.name,
        "slug": center.slug,
        "listing_verified_on": center.listing_verified_on.isoformat() if center.listing_verified_on else "",
        "listing_verification_method": center.listing_verification_method,
        "listing_verification_source": center.listing_verification_source,
        "accepting_as_of": center.accepting_as_of.isoformat() if center.accepting_as_of else "",
        "action-publish": "action-publish",
    }
    return center_form_data(**{**stored, **changes})


def post_edit(user, center: TreatmentCenter, **changes):
    return signed_in(user).post(admin_url(TreatmentCenter, "edit", center.pk), edit_data(center, **changes))


@pytest.fixture
def editor():
    return factories.editor(username="erin", first_name="Erin", last_name="Editor")


@pytest.fixture
def legacy_center():
    """A listing verified before verifiers were recorded: a date, nobody, no method or source."""
    return TreatmentCenterFactory(name="Camelback Recovery", slug="camelback-recovery", publish=True)


def test_a_new_listing_starts_verified_today_and_names_no_verifier_yet(editor):
    response = signed_in(editor).get(admin_url(TreatmentCenter, "add"))
    form = response.context["form"]
    assert form["listing_verified_on"].value() == days_ago(0)
    assert "listing_verified_today" not in form.fields  # the date already says today
    assert "listing_verified_by" not in form.fields  # shown, never asked for
    assert "Not recorded yet: saving a verification records you." in response.content.decode()


def test_the_verifier_is_the_signed_in_user_whatever_is_posted(editor):
    someone_else = factories.user(username="someone.else")
    data = center_form_data(
        listing_verified_on=days_ago(0).isoformat(),
        listing_verification_method="phone",
        listing_verification_source=SOURCE,
        listing_verified_by=str(someone_else.pk),
        **{"action-publish": "action-publish"},
    )
    response = signed_in(editor).post(admin_url(TreatmentCenter, "add"), data)
    assert response.status_code == 302
    center = TreatmentCenter.objects.get(slug="camelback-recovery")
    assert (center.listing_verified_by, center.listing_verified_on) == (editor, days_ago(0))
    assert (center.listing_verification_method, center.listing_verification_source) == ("phone", SOURCE)


def test_a_posted_verifier_is_ignored_when_nothing_is_verified(editor, legacy_center):
    someone_else = factories.user(username="someone.else")
    response = post_edit(editor, legacy_center, summary="New summary.", listing_verified_by=str(someone_else.pk))
    assert response.status_code == 302
    legacy_center.refresh_from_db()
    assert legacy_center.summary == "New summary." and legacy_center.listing_verified_by is None


def test_a_future_date_is_refused_in_words(editor, legacy_center):
    response = post_edit(
        editor,
        legacy_center,
        listing_verified_on=days_ago(-1).isoformat(),
        listing_verification_method="phone",
        listing_verification_source=SOURCE,
    )
    assert response.status_code == 200
    assert field_errors(response, "listing_verified_on") == [
        "A listing cannot be verified in the future: give today's date or an earlier one."
    ]
    legacy_center.refresh_from_db()
    assert legacy_center.listing_verified_on == days_ago(7) and legacy_center.listing_verified_by is None


def test_a_verification_without_how_and_where_is_refused_on_each_field(editor):
    data = center_form_data(listing_verified_on=days_ago(0).isoformat())
    response = signed_in(editor).post(admin_url(TreatmentCenter, "add"), data)
    assert response.status_code == 200
    assert field_errors(response, "listing_verification_method") == ["Say how you verified this listing."]
    assert field_errors(response, "listing_verification_source") == [
        "Say where you verified it: the page you checked, or whom you spoke to and on which number."
    ]
    assert not TreatmentCenter.objects.exists()


def test_a_new_listing_nobody_verified_saves_with_the_date_cleared(editor):
    response = signed_in(editor).post(admin_url(TreatmentCenter, "add"), center_form_data())
    assert response.status_code == 302
    center = TreatmentCenter.objects.get()
    assert (center.listing_verified_on, center.listing_verified_by) == (None, None)


def test_how_and_where_without_a_date_is_refused(editor):
    data = center_form_data(listing_verification_method="website", listing_verification_source="https://a.example")
    response = signed_in(editor).post(admin_url(TreatmentCenter, "add"), data)
    assert field_errors(response, "listing_verified_on") == [
        "Give the date this listing was verified, or clear how and where."
    ]


def test_an_older_verification_is_kept_when_something_else_is_edited(editor, legacy_center):
    response = post_edit(editor, legacy_center, phone_main="(602) 555-0199")
    assert response.status_code == 302
    legacy_center.refresh_from_db()
    assert legacy_center.phone_main == "(602) 555-0199"
    assert (legacy_center.listing_verified_on, legacy_center.listing_verified_by) == (days_ago(7), None)


def test_verified_today_sets_the_date_records_the_user_and_asks_how_and_where(editor, legacy_center):
    response = post_edit(editor, legacy_center, listing_verified_today="on")
    assert response.status_code == 200
    assert field_errors(response, "listing_verification_method") == ["Say how you verified this listing."]

    response = post_edit(
        editor,
        legacy_center,
        listing_verified_today="on",
        listing_verification_method="license_lookup",
        listing_verification_source="https://www.azdhs.gov/licensing/",
    )
    assert response.status_code == 302
    legacy_center.refresh_from_db()
    assert (legacy_center.listing_verified_on, legacy_center.listing_verified_by) == (days_ago(0), editor)


def test_changing_the_date_records_whoever_changed_it(editor):
    first = factories.user(username="first.verifier")
    center = TreatmentCenterFactory(
        listing_verified_by=first, listing_verification_method="phone", listing_verification_source=SOURCE
    )
    assert post_edit(editor, center, listing_verified_on=days_ago(1).isoformat()).status_code == 302
    center.refresh_from_db()
    assert (center.listing_verified_on, center.listing_verified_by) == (days_ago(1), editor)


def test_clearing_the_verification_clears_the_verifier(editor):
    center = TreatmentCenterFactory(
        listing_verified_by=editor, listing_verification_method="phone", listing_verification_source=SOURCE
    )
    response = post_edit(
        editor, center, listing_verified_on="", listing_verification_method="", listing_verification_source=""
    )
    assert response.status_code == 302
    center.refresh_from_db()
    assert (center.listing_verified_on, center.listing_verified_by) == (None, None)


def test_the_edit_form_shows_the_verifier_by_name(editor):
    verifier = factories.user(username="dana", first_name="Dana", last_name="Whitfield")
    center = TreatmentCenterFactory(
        listing_verified_by=verifier, listing_verification_method="phone", listing_verification_source=SOURCE
    )
    html = signed_in(editor).get(admin_url(TreatmentCenter, "edit", center.pk)).content.decode()
    assert "Dana Whitfield" in html
