"""V1–V4: preview tokens are signed, scoped to one object and revision, expiring, and minted only by editors."""

from __future__ import annotations

import time
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Revision

from api.admin_views import frontend_preview_url
from api.preview import (
    SALT,
    InvalidPreviewToken,
    PreviewRevisionGone,
    mint_preview_token,
    mint_preview_token_for_user,
    resolve_preview_token,
)
from api.representations import represent_detail
from providers.models import Provider
from tests import factories
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v1/preview/"


@pytest.fixture
def article():
    return factories.live_article_with_draft()


def token_for(obj) -> str:
    return mint_preview_token(obj, obj.get_latest_revision())


def assert_preview_error(response, status: int, code: str) -> None:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"
    assert response.json()["error"]["code"] == code
    assert "ETag" not in response


def test_preview_returns_the_draft_revision_in_the_detail_shape(api_client, article):
    response = api_client.get(PREVIEW, {"token": token_for(article)})

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["X-Robots-Tag"] == "noindex"
    body = response.json()
    assert body["title"] == "Draft title"
    assert "Draft text." in str(body["body"])
    assert "Live title" not in response.content.decode()
    expected = represent_detail(article.get_latest_revision().as_object(), None)
    assert body.keys() == expected.keys()


def test_preview_of_a_clinician_draft(api_client):
    provider = ProviderFactory(name="Alex Spritzer", job_title="Nurse practitioner", publish=True)
    provider.job_title = "Psychiatric nurse practitioner (draft)"
    provider.save_revision()

    response = api_client.get(PREVIEW, {"token": token_for(provider)})

    assert response.status_code == 200
    assert response.json()["job_title"] == "Psychiatric nurse practitioner (draft)"
    assert response.json()["slug"] == "alex-spritzer"


@pytest.mark.parametrize(
    "query",
    [{}, {"token": ""}, {"token": "abc"}, {"token": "eyJjdCI6MX0:1vXyZ:forged"}, {"token": "x" * 900}],
    ids=["missing", "empty", "garbage", "forged", "long"],
)
def test_missing_or_malformed_tokens_are_401_and_never_live_content(api_client, article, query):
    response = api_client.get(PREVIEW, query)
    assert_preview_error(response, 401, "invalid_token")
    assert b"Live title" not in response.content
    assert response["WWW-Authenticate"]


def test_a_tampered_token_is_401(api_client, article):
    token = token_for(article)
    payload, timestamp, signature = token.split(":")
    other = ContentType.objects.get_for_model(article).pk + 1
    forged_payload = signing.b64_encode(f'{{"ct":{other},"id":"{article.pk}","rev":1}}'.encode()).decode()
    for tampered in (
        f"{payload}:{timestamp}:{signature[:-2]}AA",
        f"{forged_payload}:{timestamp}:{signature}",
        f"{payload}:{signing.b62_encode(int(time.time()) + 3600)}:{signature}",  # pushed-back expiry
    ):
        assert_preview_error(api_client.get(PREVIEW, {"token": tampered}), 401, "invalid_token")


def test_a_token_signed_for_another_purpose_is_401(api_client, article):
    revision = article.get_latest_revision()
    payload = {"ct": ContentType.objects.get_for_model(article).pk, "id": str(article.pk), "rev": revision.pk}
    other_salt = signing.dumps(payload, salt="some.other.feature")
    assert_preview_error(api_client.get(PREVIEW, {"token": other_salt}), 401, "invalid_token")
    assert resolve_preview_token(signing.dumps(payload, salt=SALT))[1] == revision  # same payload, right salt


def test_an_expired_token_is_401(api_client, article, settings, monkeypatch):
    settings.PREVIEW_TOKEN_TTL = 3600
    minted_at = time.time() - 3601
    monkeypatch.setattr(signing.time, "time", lambda: minted_at)
    token = token_for(article)
    monkeypatch.undo()

    response = api_client.get(PREVIEW, {"token": token})
    assert_preview_error(response, 401, "invalid_token")
    assert "expired" in response.json()["error"]["message"]


def test_a_token_is_scoped_to_its_object_and_revision(article):
    other = factories.draft_article(title="Another draft")
    other_revision = other.get_latest_revision()
    content_type = ContentType.objects.get_for_model(article).pk

    # Object A with B's revision, or B's id with A's revision: even correctly signed, nothing of B comes back.
    for payload in (
        {"ct": content_type, "id": str(article.pk), "rev": other_revision.pk},
        {"ct": content_type, "id": str(other.pk), "rev": article.get_latest_revision().pk},
    ):
        with pytest.raises(InvalidPreviewToken):
            resolve_preview_token(signing.dumps(payload, salt=SALT))
    with pytest.raises(ValueError):
        mint_preview_token(article, other_revision)

    obj, revision = resolve_preview_token(token_for(article))
    assert (obj.pk, obj.title, revision.pk) == (article.pk, "Draft title", article.get_latest_revision().pk)


def test_a_token_for_an_older_revision_shows_that_revision_not_the_latest(api_client, article):
    first = Revision.objects.filter(object_id=str(article.pk)).order_by("id").first()
    token = mint_preview_token(article, first)
    assert api_client.get(PREVIEW, {"token": token}).json()["title"] == "Live title"


def test_a_token_whose_revision_was_deleted_is_410(api_client, article):
    token = token_for(article)
    Revision.objects.filter(pk=article.get_latest_revision().pk).delete()

    assert_preview_error(api_client.get(PREVIEW, {"token": token}), 410, "gone")
    with pytest.raises(PreviewRevisionGone):
        resolve_preview_token(token)


def test_a_token_whose_object_was_deleted_is_410(api_client):
    provider = ProviderFactory(publish=True)
    token = token_for(provider)
    provider.delete()
    assert_preview_error(api_client.get(PREVIEW, {"token": token}), 410, "gone")


def test_unknown_parameters_are_400(api_client, article):
    response = api_client.get(PREVIEW, {"token": token_for(article), "slug": "x"})
    assert response.status_code == 400
    assert response.json()["error"]["parameter"] == "slug"


# --- Minting: admin action (V4) and command ------------------------------------------------------


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.com", "pw-chief-123")


@pytest.fixture
def viewer_without_edit_rights(django_user_model):
    user = django_user_model.objects.create_user("viewer", "viewer@example.com", "pw-viewer-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_an_editor_is_sent_to_the_frontend_with_a_token_for_the_latest_revision(client, admin_user, article, settings):
    settings.FRONTEND_PREVIEW_URL = "https://www.example.com/api/preview?secret=1&token={token}"
    client.force_login(admin_user)

    response = client.get(frontend_preview_url(article))

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("https://www.example.com/api/preview?secret=1&token=")
    token = parse_qs(urlsplit(location).query)["token"][0]
    obj, revision = resolve_preview_token(token)
    assert (obj.title, revision.pk) == ("Draft title", article.get_latest_revision().pk)


def test_a_user_who_may_not_edit_gets_403_and_no_token(client, viewer_without_edit_rights, article):
    client.force_login(viewer_without_edit_rights)

    response = client.get(frontend_preview_url(article))

    assert response.status_code == 403
    assert "token=" not in response.get("Location", "")
    with pytest.raises(PermissionDenied):
        mint_preview_token_for_user(viewer_without_edit_rights, article)
    provider = ProviderFactory()
    provider.save_revision()
    assert client.get(frontend_preview_url(provider)).status_code == 403


def test_anonymous_users_are_sent_to_the_login_page(client, article):
    response = client.get(frontend_preview_url(article))
    assert response.status_code == 302
    assert "token=" not in response["Location"]
    assert "/admin/login/" in response["Location"]


def test_the_admin_shows_preview_on_frontend_for_articles_and_snippets(client, admin_user, article):
    client.force_login(admin_user)
    provider = ProviderFactory(publish=True)

    urls = AdminURLFinder(admin_user)
    page_edit = client.get(urls.get_edit_url(article)).content.decode()
    snippet_edit = client.get(urls.get_edit_url(provider)).content.decode()
    snippet_list = client.get(reverse(Provider.snippet_viewset.get_url_name("list"))).content.decode()

    page_list = client.get(reverse("wagtailadmin_explore", args=[article.get_parent().pk])).content.decode()

    for html, obj in ((page_edit, article), (page_list, article), (snippet_edit, provider), (snippet_list, provider)):
        assert "Preview on frontend" in html
        assert frontend_preview_url(obj) in html


def test_preview_token_command_prints_a_url_with_a_token(article, settings):
    settings.FRONTEND_PREVIEW_URL = "https://www.example.com/preview?token={token}"
    for identifier in (str(article.pk), article.slug):
        out = StringIO()
        call_command("preview_token", identifier, stdout=out)
        url = out.getvalue().strip()
        assert url.startswith("https://www.example.com/preview?token=")
        obj, _ = resolve_preview_token(parse_qs(urlsplit(url).query)["token"][0])
        assert obj.title == "Draft title"
