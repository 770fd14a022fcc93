"""Preview tokens: a signed, expiring grant to read one revision of one object through the public API.

A token is ``django.core.signing`` output (HMAC with ``SECRET_KEY`` and a dedicated salt, timestamped) over
``{"ct": content type id, "id": object id, "rev": revision id}``. It grants exactly that revision of exactly
that object for ``settings.PREVIEW_TOKEN_TTL`` seconds and nothing else: :func:`resolve_preview_token` checks
that the revision still exists and belongs to the object named in the token, and never falls back to the live
version. Only a user who may edit the object can mint one (:func:`mint_preview_token_for_user`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Page, Revision, get_default_page_content_type
from wagtail.permissions import policy_registry

from api.representations import represent_detail
from api.representations.articles import article_json_ld
from pages.models import is_article
from pages.review.models import SignOff
from pages.review.stamps import _byline, byline_representation

SALT = "verity.api.preview-token.v1"


class InvalidPreviewToken(Exception):
    """Missing, malformed, tampered with, expired, or naming something it does not cover (→ 401)."""


class PreviewRevisionGone(Exception):
    """The token was valid but its revision (or object) has since been deleted (→ 410)."""


@dataclass(frozen=True)
class PreviewGrant:
    content_type_id: int
    object_id: str
    revision_id: int


def _object_id(obj: Model) -> str:
    return str(obj.pk)


def mint_preview_token(obj: Model, revision: Revision) -> str:
    """A token for ``revision`` of ``obj``. Callers check permission first (see the ``_for_user`` variant)."""
    content_type = ContentType.objects.get_for_model(obj)
    if revision.content_type_id != content_type.pk or str(revision.object_id) != _object_id(obj):
        raise ValueError("The revision does not belong to this object.")
    payload = {"ct": content_type.pk, "id": _object_id(obj), "rev": revision.pk}
    return signing.dumps(payload, salt=SALT, compress=False)


def mint_preview_token_for_user(user, obj: Model, revision: Revision | None = None) -> str:
    """Mint a token for ``revision`` (default: the latest) if ``user`` may edit ``obj``; else PermissionDenied."""
    if not user_can_preview(user, obj):
        raise PermissionDenied("You may not edit this object, so you may not preview it on the frontend.")
    revision = revision or latest_revision(obj)
    if revision is None:
        raise ValueError("Save a draft first: there is no revision to preview.")
    return mint_preview_token(obj, revision)


def user_can_preview(user, obj: Model) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    policy = policy_registry.get(obj)
    if policy is None:
        return False
    return policy.user_has_permission_for_instance(user, "change", obj)


def latest_revision(obj: Model) -> Revision | None:
    latest = getattr(obj, "latest_revision", None)
    if latest is not None:
        return latest
    return (
        Revision.objects.filter(base_content_type=_base_content_type(obj), object_id=_object_id(obj))
        .order_by("-created_at", "-id")
        .first()
    )


def read_preview_token(token: str | None) -> PreviewGrant:
    """Check signature, salt, age and shape of ``token``; InvalidPreviewToken otherwise."""
    if not token:
        raise InvalidPreviewToken("A preview token is required.")
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.PREVIEW_TOKEN_TTL)
    except signing.SignatureExpired:
        raise InvalidPreviewToken("The preview token has expired.") from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise InvalidPreviewToken("The preview token is malformed or has been tampered with.") from None
    if (
        not isinstance(payload, dict)
        or not isinstance(payload.get("ct"), int)
        or not isinstance(payload.get("id"), str)
        or not isinstance(payload.get("rev"), int)
    ):
        raise InvalidPreviewToken("The preview token is malformed.")
    return PreviewGrant(payload["ct"], payload["id"], payload["rev"])


def resolve_preview_token(token: str | None) -> tuple[Model, Revision]:
    """The draft object (``revision.as_object()``) and revision a token grants; never the live object."""
    grant = read_preview_token(token)
    try:
        content_type = ContentType.objects.get_for_id(grant.content_type_id)
    except ContentType.DoesNotExist:
        raise InvalidPreviewToken("The preview token names an unknown kind of object.") from None
    model = content_type.model_class()
    if model is None:
        raise InvalidPreviewToken("The preview token names an unknown kind of object.")
    try:
        revision = Revision.objects.get(pk=grant.revision_id)
    except Revision.DoesNotExist:
        raise PreviewRevisionGone("This draft no longer exists.") from None
    if str(revision.object_id) != grant.object_id or revision.content_type_id != grant.content_type_id:
        # Only reachable with a forged payload; answer as for any bad token.
        raise InvalidPreviewToken("The preview token does not match its revision.")
    if not model._default_manager.filter(pk=grant.object_id).exists():
        raise PreviewRevisionGone("This object no longer exists.")
    obj = revision.as_object()
    if not isinstance(obj, model):
        raise InvalidPreviewToken("The preview token does not match its revision.")
    return obj, revision


def preview_url(token: str) -> str | None:
    """Where the frontend shows the draft: ``settings.FRONTEND_PREVIEW_URL`` with ``{token}`` replaced.

    None when no frontend preview URL is configured (the development default): the admin then shows the
    preview JSON itself (``api.admin_views.frontend_preview``).
    """
    if not settings.FRONTEND_PREVIEW_URL:
        return None
    return settings.FRONTEND_PREVIEW_URL.replace("{token}", token)


def preview_api_path(token: str) -> str:
    """The API request a frontend makes for the draft (relative to this host)."""
    return f"{reverse('api:preview')}?{urlencode({'token': token})}"


def represent_preview(obj: Model, revision: Revision, request=None) -> dict:
    """The preview JSON: the object's detail shape; an article that is not its live revision is marked a draft.

    A draft is unreviewed as far as readers are concerned: ``review_status`` is ``"draft"``, the byline (and
    ``last_reviewed``) come only from approved sign-offs of this exact revision (none, usually) — never the live
    revision's reviewers — and there is no ``next_review_due``.
    """
    data = represent_detail(obj, request)
    if is_article(obj) and not Page.objects.filter(pk=obj.pk, live=True, live_revision_id=revision.pk).exists():
        # (The revision's own copy of live/live_revision is what it was when saved: ask the database.)
        mark_article_draft(data, revision)
    return data


def mark_article_draft(data: dict, revision: Revision) -> None:
    approvals = list(
        SignOff.objects.approved()
        .filter(revision=revision)
        .select_related("provider")
        .prefetch_related("provider__credential_holdings__credential")
        .order_by("signed_at", "pk")
    )
    draft = _DraftStamps(_byline(approvals, data["byline"]["authors"]))
    data["byline"] = byline_representation(draft)
    data["review_status"] = "draft"
    data["last_reviewed"] = max(
        (s["signed_off"] for group in _REVIEWER_GROUPS for s in data["byline"][group]), default=None
    )
    data["json_ld"] = article_json_ld(data)


_REVIEWER_GROUPS = ("medical_providers", "clinical_providers")


@dataclass(frozen=True)
class _DraftStamps:
    byline: dict


def _base_content_type(obj: Model) -> ContentType:
    if isinstance(obj, Page):
        return get_default_page_content_type()
    if hasattr(obj, "get_base_content_type"):
        return obj.get_base_content_type()
    return ContentType.objects.get_for_model(obj)
