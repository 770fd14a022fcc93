"""Admin login: lockout after repeated wrong passwords (A1), CSRF on admin POSTs (A2), and a stranger's lockout
locking out only that stranger (A3)."""

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
def editor():
    return get_user_model().objects.create_user("editor", password="correct-horse-battery", is_superuser=True)


def attempt(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN_URL, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def admin_user():
    return get_user_model().objects.create_user("admin", password="owner-knows-this-one", is_superuser=True)


def is_logged_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def test_correct_password_logs_in_before_any_failure(client, lockout, editor):
    response = attempt(client, "editor", "correct-horse-battery")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_repeated_wrong_passwords_lock_the_account_even_for_the_right_password(lockout, editor):
    client = Client()
    for _ in range(lockout - 1):
        assert attempt(client, "editor", "wrong").status_code == 200  # form redisplayed with an error
    assert attempt(client, "editor", "wrong").status_code == 429  # the limit-th failure locks
    response = attempt(client, "editor", "correct-horse-battery")
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_unknown_users_are_locked_out_the_same_way(lockout):
    client = Client()
    for _ in range(lockout - 1):
        assert attempt(client, "nobody-here", "wrong", ip="203.0.113.8").status_code == 200
    assert attempt(client, "nobody-here", "wrong", ip="203.0.113.8").status_code == 429


def test_admin_post_without_csrf_token_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN_URL, {"username": "editor", "password": "correct-horse-battery"})
    assert response.status_code == 403


def test_admin_post_from_a_foreign_origin_is_refused(editor):
    client = Client(enforce_csrf_checks=True)
    client.get(LOGIN_URL)
    token = client.cookies["csrftoken"].value
    response = client.post(
        LOGIN_URL,
        {"username": "editor", "password": "correct-horse-battery", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://evil.test",
    )
    assert response.status_code == 403
    same_origin = client.post(
        LOGIN_URL,
        {"username": "editor", "password": "correct-horse-battery", "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert same_origin.status_code == 302


def test_a_stranger_locks_out_only_themselves(lockout, admin_user):
    stranger = Client()
    for _ in range(lockout):
        attempt(stranger, "admin", "guess", STRANGER)
    assert attempt(stranger, "admin", "owner-knows-this-one", STRANGER).status_code == 429

    owner = Client()
    response = attempt(owner, "admin", "owner-knows-this-one", OWNER)
    assert response.status_code == 302
    assert is_logged_in(owner)


def test_the_same_address_can_still_sign_in_to_another_account(lockout, admin_user, editor):
    """Per username and address together: the same address can still try a different username."""
    stranger = Client()
    for _ in range(lockout):
        attempt(stranger, "admin", "guess", STRANGER)
    response = attempt(Client(), "editor", "correct-horse-battery", STRANGER)
    assert response.status_code == 302
