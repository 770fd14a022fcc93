"""Content fingerprint of an article revision: what a reviewer read, without what changes on every save.

Two revisions with the same fingerprint show readers the same article, so a sign-off of one covers the
other (e.g. an editor re-saves or re-publishes unchanged content). Excluded: tree position and ids, publication
and lock state, timestamps, owner, comments, scheduling, and ``change_kind`` (a note about the change, not content).
Child objects (references, authors) lose their own ids and parent keys; their order is kept.

Stability matters: sign-offs store the hash computed when they were made, and the gate recomputes the hash of
the revision about to go live. Changing what is hashed (these key lists, the canonical form) therefore makes
existing sign-offs stop matching. Do it only with a data migration that re-hashes ``SignOff.content_hash``,
``Publication.content_hash`` and ``RevisionFingerprint`` from the stored revision content.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

VOLATILE_KEYS = frozenset(
    {
        "pk",
        "id",
        "page_ptr",
        "path",
        "depth",
        "numchild",
        "url_path",
        "content_type",
        "live",
        "has_unpublished_changes",
        "latest_revision",
        "live_revision",
        "latest_revision_created_at",
        "first_published_at",
        "last_published_at",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "translation_key",
        "locale",
        "alias_of",
        "show_in_menus",
        "expired",
        "go_live_at",
        "expire_at",
        "change_kind",
        "wagtail_admin_comments",
        "comments",
    }
)
CHILD_VOLATILE_KEYS = frozenset({"pk", "id", "page", "sort_order"})


def _canonical(value: Any) -> Any:
    """Sort dict keys and parse JSON strings (StreamField), keeping every key: block ids are stable."""
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return _canonical(json.loads(value))
        except ValueError:
            return value
    return value


def _child_item(item: Any) -> Any:
    """A child object (reference, author) without its own id, parent key and position number."""
    if isinstance(item, dict):
        return {key: value for key, value in item.items() if key not in CHILD_VOLATILE_KEYS}
    return item


def _content_fields(content: dict[str, Any]) -> dict[str, Any]:
    fields = {}
    for key, value in content.items():
        if key in VOLATILE_KEYS:
            continue
        if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            value = [_child_item(item) for item in value]
        fields[key] = value
    return fields


def content_hash(content: dict[str, Any]) -> str:
    """SHA-256 of the revision content with volatile keys removed, as a hex string."""
    canonical = json.dumps(
        _canonical(_content_fields(content)), sort_keys=True, separators=(",", ":"), cls=DjangoJSONEncoder
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def revision_fingerprint(revision: Any) -> str:
    """The fingerprint of ``revision`` as it is stored now: what a review screen shows and the sign-off form carries.

    A screen that lets a reviewer act on a clinical review task puts this value (and ``revision.pk``) into the
    sign-off form's hidden ``fingerprint`` and ``revision`` fields (``pages.review.forms.ClinicalSignOffForm``
    does it when built with ``revision=``). On approval ``pages.review.services.record_signoff`` recomputes it from
    the stored revision and refuses the sign-off if the two differ (W6: sign what you saw).
    """
    return content_hash(revision.content)
