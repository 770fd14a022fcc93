"""A3: a stranger guessing a known account's password locks out only themselves, not the account's owner."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"
STRANGER = "198.51.100.66"
OWNER = "203.0.113.10"


@pytest.fixture
def lockout(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    from axes.models import AccessAttempt

    AccessAttempt.objects.all().delete()
    return settings.AXES_FAILURE_LIMIT


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_user("admin", password="owner-knows-this-one", is_superuser=True)


def sign_in(client: Client, password: str, ip: str):
    return client.post(LOGIN_URL, {"username": "admin", "password": password}, REMOTE_ADDR=ip)


def test_a_stranger_locks_out_only_themselves(lockout, admin_user):
    stranger = Client()
    for _ in range(lockout):
        sign_in(stranger, "guess", STRANGER)
    assert sign_in(stranger, "owner-knows-this-one", STRANGER).status_code == 429

    owner = Client()
    response = sign_in(owner, "owner-knows-this-one", OWNER)
    assert response.status_code == 302
    assert owner.get("/admin/").status_code == 200


def test_the_same_address_can_still_sign_in_to_another_account(lockout, admin_user):
    """Per username and address together: the same address can still try a different username."""
    get_user_model().objects.create_user("editor", password="editor-pass-123", is_superuser=True)
    stranger = Client()
    for _ in range(lockout):
        sign_in(stranger, "guess", STRANGER)
    other = Client()
    response = other.post(LOGIN_URL, {"username": "editor", "password": "editor-pass-123"}, REMOTE_ADDR=STRANGER)
    assert response.status_code == 302
