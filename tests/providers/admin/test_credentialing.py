"""W7 through the clinician admin: only Credentialing changes who counts as a reviewer, and as whom."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.test.utils.form_data import rich_text

from pages.review.eligibility import check_reviewer
from pages.review.errors import ReviewerNotEligibleError
from providers.models import CredentialHolding, Provider
from providers.models.credentials import CREDENTIALING_GROUP, CredentialChangeRefused
from tests import factories
from tests.factories.providers import LanguageFactory, days_ago

from .helpers import admin_url, holding_data, provider_form_data

pytestmark = pytest.mark.django_db


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def post_edit(client: Client, provider: Provider, data: dict):
    url = admin_url(Provider, "edit", provider.pk)
    assert client.get(url).status_code == 200  # the edit form opens (and sets the CSRF cookie)
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def edit_data(provider: Provider, holding: CredentialHolding, publish: bool = True, **holding_changes) -> dict:
    """The clinician form as it stands, with ``holding_changes`` typed into its one credential row."""
    stored = {
        "id": holding.pk,
        "jurisdiction": holding.jurisdiction,
        "number": holding.number,
        "issued_on": holding.issued_on.isoformat(),
        "expires_on": holding.expires_on.isoformat(),
        "verified_on": holding.verified_on.isoformat() if holding.verified_on else "",
        "verification_method": holding.verification_method,
        "verification_source": holding.verification_source,
    }
    row = holding_data(holding.credential_id, **{**stored, **holding_changes})
    data = provider_form_data(
        holdings=[row],
        name=provider.name,
        honorific=provider.honorific,
        slug=provider.slug,
        category=provider.category,
        npi="",
        user=str(provider.user_id or ""),
        bio=rich_text("<p>Updated bio.</p>"),
        **({"action-publish": "action-publish"} if publish else {}),
    )
    data["credential_holdings-INITIAL_FORMS"] = "1"
    return data


@pytest.fixture
def expired_reviewer(db):
    account = factories.reviewer("medical", ("MD",), name="Michael Vines", honorific="Dr.", slug="michael-vines")
    Provider.objects.filter(user=account).update(live=True)
    CredentialHolding.objects.filter(provider__user=account).update(expires_on=days_ago(1))
    return account


@pytest.fixture
def credentialing_user(db):
    return factories.user(groups=(CREDENTIALING_GROUP,), username="compliance", first_name="Cora")


def test_the_credentialing_group_exists_with_the_permission():
    group = Group.objects.get(name=CREDENTIALING_GROUP)
    assert group.permissions.filter(codename="manage_credentials").exists()


def test_an_editor_cannot_extend_an_expired_reviewers_credential(expired_reviewer):
    editor = factories.editor(username="ed")
    provider = Provider.objects.get(user=expired_reviewer)
    holding = provider.credential_holdings.get()
    extended = days_ago(-365).isoformat()

    response = post_edit(csrf_client(editor), provider, edit_data(provider, holding, expires_on=extended))

    assert response.status_code == 302
    holding.refresh_from_db()
    assert holding.expires_on == days_ago(1)  # the posted expiry was ignored
    provider.refresh_from_db()
    assert "Updated bio." in provider.bio  # the public profile fields were saved and published
    with pytest.raises(ReviewerNotEligibleError, match="not in good standing"):
        check_reviewer(expired_reviewer)


def test_the_editor_form_shows_credentials_and_account_read_only(expired_reviewer):
    editor = factories.editor(username="ed")
    provider = Provider.objects.get(user=expired_reviewer)
    response = csrf_client(editor).get(admin_url(Provider, "edit", provider.pk))
    form = response.context["form"]
    assert form.fields["user"].disabled and form.fields["category"].disabled
    row = form.formsets["credential_holdings"].forms[0]
    assert all(row.fields[name].disabled for name in ("expires_on", "status", "verified_on", "credential"))
    assert not form.fields["bio"].disabled


def test_an_editor_cannot_relink_a_profile_to_another_account():
    medical_reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    other = factories.reviewer("clinical", ("LPC",), name="Other Reviewer", slug="other-reviewer")
    Provider.objects.filter(user=other).update(user=None)
    provider = Provider.objects.get(user=medical_reviewer)
    holding = provider.credential_holdings.get()
    data = edit_data(provider, holding)
    data["user"] = str(other.pk)

    post_edit(csrf_client(factories.editor(username="ed")), provider, data)

    assert Provider.objects.get(pk=provider.pk).user_id == medical_reviewer.pk
    assert not Provider.objects.filter(user=other).exists()


def renewal(provider: Provider, holding: CredentialHolding) -> dict:
    """The edit form's data renewing ``holding`` for a year, verified today at the medical board."""
    return edit_data(
        provider,
        holding,
        expires_on=days_ago(-365).isoformat(),
        verified_on=days_ago(0).isoformat(),
        verification_source="https://www.azmd.gov/",
    )


def test_credentialing_can_extend_and_reverify_and_is_recorded(expired_reviewer, credentialing_user):
    provider = Provider.objects.get(user=expired_reviewer)
    holding = provider.credential_holdings.get()
    response = post_edit(csrf_client(credentialing_user), provider, renewal(provider, holding))

    assert response.status_code == 302
    holding.refresh_from_db()
    assert holding.expires_on == days_ago(-365)
    assert (holding.verified_by, holding.verified_on) == (credentialing_user, days_ago(0))
    assert check_reviewer(expired_reviewer).pk == provider.pk


def test_credentialing_must_give_method_and_source(expired_reviewer, credentialing_user):
    provider = Provider.objects.get(user=expired_reviewer)
    holding = provider.credential_holdings.get()
    data = edit_data(provider, holding, verified_on=days_ago(0).isoformat(), verification_source="")
    response = post_edit(csrf_client(credentialing_user), provider, data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["credential_holdings"].forms[0].errors
    assert "verification_source" in errors


def test_credentialing_can_link_an_account_listed_only_from_clinical_reviewers(credentialing_user):
    reviewer_account = factories.user(groups=("Clinical reviewers",), username="new.reviewer")
    editor_account = factories.editor(username="not.a.reviewer")
    provider = factories.ProviderFactory(name="Unlinked", category="clinical", credentials=["LPC"], publish=True)
    client = csrf_client(credentialing_user)
    choices = client.get(admin_url(Provider, "edit", provider.pk)).context["form"].fields["user"].queryset
    assert reviewer_account in choices and editor_account not in choices and credentialing_user not in choices

    data = edit_data(provider, provider.credential_holdings.get())
    data["user"] = str(reviewer_account.pk)
    post_edit(client, provider, data)
    assert Provider.objects.get(pk=provider.pk).user_id == reviewer_account.pk


def test_a_reviewer_who_verified_their_own_credential_is_not_eligible(expired_reviewer):
    expired_reviewer.groups.add(Group.objects.get(name=CREDENTIALING_GROUP))  # dual role: compliance + reviewer
    provider = Provider.objects.get(user=expired_reviewer)
    holding = provider.credential_holdings.get()
    post_edit(csrf_client(expired_reviewer), provider, renewal(provider, holding))

    holding.refresh_from_db()
    assert holding.verified_by == expired_reviewer and holding.expires_on == days_ago(-365)
    with pytest.raises(ReviewerNotEligibleError, match="verified by this clinician"):
        check_reviewer(expired_reviewer)


def test_publishing_an_editors_revision_with_other_credentials_is_refused(expired_reviewer):
    """The model layer: a revision carrying a changed credential, saved by an editor, cannot go live."""
    editor = factories.editor(username="ed")
    provider = Provider.objects.get(user=expired_reviewer)
    draft = provider.get_latest_revision_as_object() if provider.latest_revision else provider
    holdings = list(draft.credential_holdings.all())
    holdings[0].expires_on = days_ago(-365)
    draft.credential_holdings = holdings
    revision = draft.save_revision(user=editor)
    with pytest.raises(CredentialChangeRefused):
        revision.publish(user=editor)
    assert CredentialHolding.objects.get(provider=provider).expires_on == days_ago(1)


def spanish_form(provider: Provider) -> dict:
    from providers.models import Language

    spanish = Language.objects.filter(code__startswith="es").first() or LanguageFactory(name="Spanish", code="es")
    data = edit_data(provider, provider.credential_holdings.get())
    data["languages"] = [str(spanish.pk)]
    return data


def test_an_editor_cannot_add_a_language_that_lets_a_reviewer_sign_translations():
    """The languages a clinician reviews in decide which translations their account may sign off (W7 for i18n)."""
    user = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    provider = Provider.objects.get(user=user)

    post_edit(csrf_client(factories.editor(username="ed")), provider, spanish_form(provider))

    assert not Provider.objects.get(pk=provider.pk).reads_language("es")


def test_credentialing_can_set_the_languages_a_reviewer_reads(credentialing_user):
    user = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    provider = Provider.objects.get(user=user)

    post_edit(csrf_client(credentialing_user), provider, spanish_form(provider))

    assert Provider.objects.get(pk=provider.pk).reads_language("es")


def empty_row_template(html: str) -> str:
    """The row the "Add credential" button copies (Wagtail's ``<template>`` of the empty form)."""
    return re.search(r'<template id="id_credential_holdings-EMPTY_FORM_TEMPLATE">(.*?)</template>', html, re.S)[1]


def tag(html: str, element_id: str) -> str:
    return re.search(rf'<[^>]*id="{element_id}"[^>]*>', html)[0]


def test_an_editor_is_offered_no_credential_row_to_add_or_delete(expired_reviewer):
    provider = Provider.objects.get(user=expired_reviewer)
    html = csrf_client(factories.editor(username="ed")).get(admin_url(Provider, "edit", provider.pk)).content.decode()

    assert 'id="id_credential_holdings-ADD"' not in html
    assert "Only the Credentialing team can add or remove credentials." in html
    assert '#id_credential_holdings-FORMS [id$="-DELETE-button"] { display: none; }' in html
    template = empty_row_template(html)  # locked too, should a script copy it anyway
    for name in ("credential", "expires_on", "verified_on", "verification_method"):
        assert "disabled" in tag(template, f"id_credential_holdings-__prefix__-{name}"), name


def test_credentialing_is_offered_an_editable_credential_row_to_add(expired_reviewer, credentialing_user):
    provider = Provider.objects.get(user=expired_reviewer)
    html = csrf_client(credentialing_user).get(admin_url(Provider, "edit", provider.pk)).content.decode()

    assert 'id="id_credential_holdings-ADD"' in html and "data-rows-fixed" not in html
    assert "disabled" not in tag(empty_row_template(html), "id_credential_holdings-__prefix__-credential")
