"""Who sees what: the review report and its exports, staff flags on editor accounts, the Django admin."""

from __future__ import annotations

import io

import openpyxl
import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission

from pages.models import ArticleIndexPage, ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def limited_user():
    """An admin user who may edit only the pages below their own section."""
    section = (
        factories.article_index()
        .get_parent()
        .add_child(instance=ArticleIndexPage(title="Their section", slug="their-section"))
    )
    group = Group.objects.create(name="Section editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=section, permission=Permission.objects.get(codename="change_page")
    )
    return factories.user(groups=("Section editors",)), section


def export(client, fmt: str) -> bytes:
    response = client.get(reverse("review_report") + f"?export={fmt}")
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_review_report_and_exports_list_only_articles_the_user_may_edit(client, medical_reviewer):
    factories.published_article(medical_reviewer, title="Someone else's live article")
    factories.draft_article(title="Someone else's draft")
    user, section = limited_user()
    mine = ArticlePage(title="My own article", slug="my-own", summary="S.", body=factories.body("x"))
    section.add_child(instance=mine)

    client.force_login(user)
    html = client.get(reverse("review_report")).content.decode()
    assert "My own article" in html
    assert "Someone else" not in html and "Dr. Michael Vines" not in html
    csv = export(client, "csv")
    assert b"My own article" in csv and b"Someone else" not in csv and b"Vines" not in csv
    xlsx = export(client, "xlsx")
    assert xlsx[:2] == b"PK"  # a real workbook, built from the same filtered rows
    rows = list(openpyxl.load_workbook(io.BytesIO(xlsx)).active.iter_rows(values_only=True))
    assert [row[0] for row in rows[1:]] == ["My own article"]


def test_editors_see_every_article_in_the_report(client, editor_user, medical_reviewer):
    factories.published_article(medical_reviewer, title="Live article")
    factories.draft_article(title="A draft")
    client.force_login(editor_user)
    html = client.get(reverse("review_report")).content.decode()
    assert "Live article" in html and "A draft" in html


def test_dev_editor_is_not_staff_unless_the_setting_says_so(settings, client):
    settings.DEBUG = True
    call_command("ensure_dev_admin", stdout=io.StringIO())
    editor = authenticate(username="editor", password="verity-editor")
    assert not editor.is_staff
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200  # the Wagtail admin still opens

    settings.EDITORS_ARE_STAFF = True
    call_command("ensure_dev_admin", stdout=io.StringIO())
    assert get_user_model().objects.get(username="editor").is_staff


def test_the_django_admin_is_for_superusers_only(client, editor_user):
    editor_user.is_staff = True  # even an account someone made staff by hand
    editor_user.save()
    client.force_login(editor_user)
    response = client.get("/django-admin/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(get_user_model().objects.create_superuser("root", "root@example.com", "x"))
    assert client.get("/django-admin/").status_code == 200
