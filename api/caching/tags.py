"""What a response was built from, as cache tags and a modification time, collected on the request.

Views call :func:`tag_response` while building a response; :mod:`api.caching.middleware` turns the collected
tags into ``Cache-Tag``/``Surrogate-Key`` headers, ``ETag``/``Last-Modified`` and a shared server-side cache
entry that a publish of any tagged object invalidates.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.http import HttpRequest

_TAGS_ATTRIBUTE = "_verity_cache_tags"
ETAG_HEX_DIGITS = 40


def etag_of(sha256_hex: str) -> str:
    """The strong ETag of a body whose SHA-256 hex digest is ``sha256_hex`` (built or stored, the same value)."""
    return '"' + sha256_hex[:ETAG_HEX_DIGITS] + '"'


_LAST_MODIFIED_ATTRIBUTE = "_verity_last_modified"
_VALID_UNTIL_ATTRIBUTE = "_verity_valid_until"


def tag_response(
    request: HttpRequest,
    tags: Iterable[str],
    last_modified: datetime | None = None,
    valid_until: datetime | None = None,
) -> None:
    """Record that the response to ``request`` was built from ``tags``, last changed at ``last_modified``, and
    (when given) stops being true by the clock alone at ``valid_until`` (an article's ``expire_at``)."""
    request = getattr(request, "_request", request)  # accept DRF's Request too
    if valid_until is not None:
        current_bound = getattr(request, _VALID_UNTIL_ATTRIBUTE, None)
        if current_bound is None or valid_until < current_bound:
            setattr(request, _VALID_UNTIL_ATTRIBUTE, valid_until)
    collected: set[str] = getattr(request, _TAGS_ATTRIBUTE, set())
    collected.update(tags)
    setattr(request, _TAGS_ATTRIBUTE, collected)
    if last_modified is not None:
        current = getattr(request, _LAST_MODIFIED_ATTRIBUTE, None)
        if current is None or last_modified > current:
            setattr(request, _LAST_MODIFIED_ATTRIBUTE, last_modified)


def collected_tags(request: HttpRequest) -> set[str]:
    return set(getattr(getattr(request, "_request", request), _TAGS_ATTRIBUTE, set()))


def collected_last_modified(request: HttpRequest) -> datetime | None:
    return getattr(getattr(request, "_request", request), _LAST_MODIFIED_ATTRIBUTE, None)


def collected_valid_until(request: HttpRequest) -> datetime | None:
    return getattr(getattr(request, "_request", request), _VALID_UNTIL_ATTRIBUTE, None)
