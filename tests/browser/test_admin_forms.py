"""Forms a person fills in the admin: vocabularies as checkboxes, a credential's verifier recorded, not typed.

From the editor's seat, topics and levels of care are ticked (no Ctrl-click multi-select); the centers list names
each program with its modality; a listing's verification starts at today, is refused in words without how and
where or with a future date, and "Verified by" names the editor who saved it; a clinician's credentials are shown
but no row is offered to add or delete. From Credentialing's seat, a new credential's verification date is
today's date already, the method and source must be given, and "Verified by" shows who saved it.
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from pages.models import ArticlePage
from providers.models import LevelOfCare, Provider, Topic, TreatmentCenter
from providers.models.credentials import CREDENTIALING_GROUP
from tests import factories
from tests.factories.providers import CenterProgramFactory, ProviderFactory, TreatmentCenterFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_topics_and_levels_of_care_are_ticked_as_checkboxes(signed_in):
    page = factories.draft_article(title="Checkboxes")
    topic = Topic.objects.order_by("name").first()
    level = LevelOfCare.objects.get(slug="intensive-outpatient")
    editor = signed_in(factories.editor())
    editor.goto(f"/admin/pages/{page.pk}/edit/")
    editor.get_by_role("tab", name="Classification").click()

    assert editor.locator("select[name=topics], select[name=levels_of_care]").count() == 0
    topic_box = editor.locator(f"input[type=checkbox][name=topics][value='{topic.pk}']")
    level_box = editor.locator(f"input[type=checkbox][name=levels_of_care][value='{level.pk}']")
    assert editor.locator(f"label:has(input[name=topics][value='{topic.pk}'])").inner_text().strip() == topic.name
    topic_box.check()  # one click each, nothing else held down
    level_box.check()
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text("has been updated")

    draft = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert topic in draft.topics.all() and level in draft.levels_of_care.all()
    expect(editor.locator(f"input[name=topics][value='{topic.pk}']")).to_be_checked()


def test_the_centers_list_names_each_programs_modality(signed_in):
    center = TreatmentCenterFactory(name="Arizona IOP")
    iop = LevelOfCare.objects.get(slug="intensive-outpatient")
    CenterProgramFactory(center=center, level_of_care=iop, modality="in_person", sort_order=0)
    CenterProgramFactory(center=center, level_of_care=iop, modality="telehealth", sort_order=1)
    admin = signed_in(get_user_model().objects.create_superuser("admin", "admin@example.org", factories.PASSWORD))
    admin.goto(reverse(TreatmentCenter.snippet_viewset.get_url_name("list")))
    row = admin.locator("tr", has_text="Arizona IOP").inner_text()
    assert f"{iop.name} — in person, {iop.name} — telehealth" in row


def test_a_credential_verification_records_who_defaults_to_today_and_needs_method_and_source(signed_in):
    provider = ProviderFactory(name="Natalie Foster", slug="natalie-foster", category="clinical", credentials=["LPC-S"])
    compliance = factories.user(groups=(CREDENTIALING_GROUP,), first_name="Cora", last_name="Compliance")
    person = signed_in(compliance)
    edit_url = reverse(Provider.snippet_viewset.get_url_name("edit"), args=[provider.pk])
    person.goto(edit_url)
    today = timezone.localdate().isoformat()

    person.get_by_role("tab", name="Credentials").click()
    person.get_by_role("button", name="Add credential").click()  # a new credential is verified today by default
    expect(person.locator("#id_credential_holdings-1-verified_on")).to_have_value(today)

    person.goto(edit_url)  # re-verify the existing credential instead, forgetting how and where at first
    person.get_by_role("tab", name="Credentials").click()
    row = "#id_credential_holdings-0"
    person.locator(f"{row}-verified_on").fill(today)
    person.locator(f"{row}-verification_source").click()  # a click elsewhere closes the date picker over the buttons
    person.locator(f"{row}-verification_method").select_option("")
    person.locator(f"{row}-verification_source").fill("")
    person.get_by_role("button", name="Save draft").click()
    expect(person.get_by_text("Say how this credential was verified.")).to_be_attached()
    assert "Say where this credential was verified" in person.content()

    person.get_by_role("tab", name="Credentials").click()
    person.locator(f"{row}-verification_method").select_option("primary_source")
    person.locator(f"{row}-verification_source").fill("https://bhec.texas.gov/verify-a-license/")
    person.get_by_role("button", name="Save draft").click()
    expect(person.locator(".messages")).to_contain_text("updated")

    person.goto(edit_url)
    person.get_by_role("tab", name="Credentials").click()
    expect(person.get_by_role("textbox", name="Verified by")).to_contain_text("Cora Compliance")  # read-only


def test_a_listing_verification_starts_today_explains_what_is_missing_and_names_the_editor(signed_in):
    center = TreatmentCenterFactory(name="Camelback Recovery", slug="camelback-recovery")  # verified, nobody named
    editor = factories.editor(first_name="Erin", last_name="Editor")
    person = signed_in(editor)
    today = timezone.localdate()

    person.goto(reverse(TreatmentCenter.snippet_viewset.get_url_name("add")))
    person.get_by_role("tab", name="Compliance").click()
    expect(person.locator("#id_listing_verified_on")).to_have_value(today.isoformat())  # a new listing: today
    expect(person.get_by_role("textbox", name="Verified by")).to_contain_text("saving a verification records you")

    edit_url = reverse(TreatmentCenter.snippet_viewset.get_url_name("edit"), args=[center.pk])
    person.goto(edit_url)
    person.get_by_role("tab", name="Compliance").click()
    person.locator("#id_listing_verified_on").fill((today + datetime.timedelta(days=1)).isoformat())
    person.locator("#id_listing_verification_source").click()  # closes the date picker over the buttons
    person.get_by_role("button", name="Save draft").click()
    expect(person.get_by_text("A listing cannot be verified in the future")).to_be_attached()
    assert "Say how you verified this listing." in person.content()
    assert "Say where you verified it: the page you checked" in person.content()

    person.goto(edit_url)  # verified today instead: one tick, then how and where
    person.get_by_role("tab", name="Compliance").click()
    person.get_by_label("I verified this listing today").check()
    person.locator("#id_listing_verification_method").select_option("phone")
    person.locator("#id_listing_verification_source").fill("Admissions line (602) 555-0101, intake coordinator")
    person.get_by_role("button", name="Save draft").click()
    expect(person.locator(".messages")).to_contain_text("updated")

    person.goto(edit_url)
    person.get_by_role("tab", name="Compliance").click()
    expect(person.locator("#id_listing_verified_on")).to_have_value(today.isoformat())
    expect(person.get_by_role("textbox", name="Verified by")).to_contain_text("Erin Editor")  # read-only
    expect(person.get_by_label("I verified this listing today")).not_to_be_checked()


def test_an_editor_sees_credentials_but_is_offered_no_row_to_add_or_delete(signed_in):
    provider = ProviderFactory(name="Natalie Foster", slug="natalie-foster", category="clinical", credentials=["LPC-S"])
    edit_url = reverse(Provider.snippet_viewset.get_url_name("edit"), args=[provider.pk])
    person = signed_in(factories.editor())
    person.goto(edit_url)
    person.get_by_role("tab", name="Credentials").click()

    expect(person.get_by_text("Only the Credentialing team can add or remove credentials.")).to_be_visible()
    expect(person.get_by_role("button", name="Add credential")).to_have_count(0)
    expect(person.locator("#id_credential_holdings-0-expires_on")).to_be_disabled()
    expect(person.locator("#id_credential_holdings-0-DELETE-button")).to_be_hidden()

    compliance = signed_in(factories.user(groups=(CREDENTIALING_GROUP,)))
    compliance.goto(edit_url)
    compliance.get_by_role("tab", name="Credentials").click()
    expect(compliance.locator("#id_credential_holdings-0-DELETE-button")).to_be_visible()
    compliance.get_by_role("button", name="Add credential").click()
    expect(compliance.locator("#id_credential_holdings-1-expires_on")).to_be_editable()
