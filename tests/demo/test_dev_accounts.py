"""`ensure_dev_admin`: local accounts to try the whole review flow, refused outside development."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("ensure_dev_admin")
    assert not get_user_model().objects.exists()


def test_creates_admin_and_editor_and_gives_demo_reviewers_a_password(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    call_command("ensure_dev_admin")
    output = capsys.readouterr().out
    assert authenticate(username="admin", password="verity-admin").is_superuser
    editor = authenticate(username="editor", password="verity-editor")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    for username in ("michael.vines", "alex.spritzer", "natalie.foster"):
        assert authenticate(username=username, password="verity-reviewer") is not None
        assert f"{username} / verity-reviewer" in output


def test_running_again_keeps_changed_passwords(settings):
    settings.DEBUG = True
    call_command("ensure_dev_admin")
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("changed-by-me")
    admin.save()
    call_command("ensure_dev_admin")
    assert authenticate(username="admin", password="changed-by-me") is not None
