"""Rebuilding stored rows in bulk: ``manage.py rebuild_representations`` and the post-migrate fill.

Idempotent: every public object gets a current row, rows of objects no longer public are removed, and a row
whose content did not change keeps its hash (so ETags stay the same).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db import transaction

from .. import locales
from .models import StoredRepresentation
from .reads import locale_q
from .rebuild import rebuild, remove
from .registry import BY_KEY


@dataclass
class RebuildReport:
    built: int = 0
    changed: int = 0
    removed: int = 0


def rebuild_kind(key: str, progress: Callable[[Iterable[int], int], Iterable[int]] | None = None) -> RebuildReport:
    kind = BY_KEY[key]
    report = RebuildReport()
    wanted = list(kind.buildable().order_by("pk").values_list("pk", flat=True))
    rows = StoredRepresentation.objects.filter(kind=key).filter(locale_q(key))  # the rows rebuild() returns
    before = dict(rows.values_list("object_id", "content_hash"))
    gone = set(before) - set(wanted)
    if gone:
        with transaction.atomic():
            remove(kind, gone)
        report.removed = len(gone)
    for pk in progress(wanted, len(wanted)) if progress else wanted:
        row = rebuild(key, pk)
        report.built += 1
        if row is None or before.get(pk) != row.content_hash:
            report.changed += 1
    return report


def fill_empty_kinds() -> None:
    """After ``migrate``: build every kind that has public objects but no stored row yet (an existing database
    that predates stored representations), or, for kinds stored in every locale, none in some locale (one added
    to ``LANGUAGES``, or rows from before clinicians and centers were translated). A fresh database has none and
    costs a few queries per kind."""
    for key, kind in BY_KEY.items():
        stored = StoredRepresentation.objects.filter(kind=key)
        if key != "article":
            stored_locales = set(stored.values_list("locale", flat=True).distinct())
            missing = not set(locales.allowed()) <= stored_locales
        else:
            missing = not stored.exists()
        if missing and kind.buildable().exists():
            rebuild_kind(key)
