"""Translations follow a source revision: recorded when a page is copied for translation, checked when edited.

A translation is its own page (Wagtail's simple translation copies the source into the target locale's tree),
with its own revisions and its own clinical sign-offs (the gate and stamps are per page, so nothing of the
source's review carries over). What this module adds is the link back: which source revision the translated
text follows (:class:`~pages.review.models.TranslationOrigin`), and whether the source's content has changed
since — a translation that no longer says what the reviewed source says is a clinical risk, so editors see it.

The source's *current* revision is its live revision while it is live (what readers of the source see), else
its latest draft. "Out of date" compares content fingerprints, so re-saving identical text does not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from wagtail.models import Page, Revision

from .hashing import content_hash
from .models import TranslationOrigin


def current_source_revision(source: Page) -> Revision | None:
    if source.live and source.live_revision_id:
        return source.live_revision
    return source.get_latest_revision()


def record_origin(translation: Page, source: Page, user: Any = None, revision: Revision | None = None) -> None:
    """Record that ``translation`` follows ``revision`` of ``source`` (default: the source's current one)."""
    revision = revision or current_source_revision(source)
    TranslationOrigin.objects.update_or_create(
        page_id=translation.pk,
        defaults={
            "source_page_id": source.pk,
            "source_revision": revision,
            "source_content_hash": content_hash(revision.content) if revision else "",
            "recorded_at": timezone.now(),
            "recorded_by": user if user is not None and user.is_authenticated else None,
        },
    )


def on_copied_for_translation(sender: Any, source_obj: Any, target_obj: Any, **kwargs: Any) -> None:
    """``copy_for_translation_done`` receiver: the new translation follows the source's current revision."""
    if isinstance(source_obj, Page) and isinstance(target_obj, Page):
        record_origin(target_obj, source_obj)


@dataclass(frozen=True)
class TranslationStatus:
    source: Page | None
    followed_revision_id: int | None
    current_revision_id: int | None
    out_of_date: bool

    @property
    def source_locale(self) -> str:
        return self.source.locale.get_display_name() if self.source is not None else ""


def translation_status(page: Page) -> TranslationStatus | None:
    """Where ``page``'s translation stands against its source, or None when it is not a recorded translation."""
    origin = TranslationOrigin.objects.filter(page_id=page.pk).select_related("source_page").first()
    if origin is None or origin.source_page is None:
        return None
    source = origin.source_page.specific
    current = current_source_revision(source)
    changed = current is not None and content_hash(current.content) != origin.source_content_hash
    return TranslationStatus(
        source=source,
        followed_revision_id=origin.source_revision_id,
        current_revision_id=current.pk if current else None,
        out_of_date=changed,
    )


def mark_up_to_date(page: Page, user: Any) -> None:
    """The editor brought the translation in line with the source's current revision: follow that one now."""
    origin = TranslationOrigin.objects.select_related("source_page").get(page_id=page.pk)
    if origin.source_page is None:
        raise ValueError("The source of this translation was deleted.")
    record_origin(page, origin.source_page.specific, user)
