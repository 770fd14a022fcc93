"""Which source revision a translated page follows (the translator's reference point)."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class TranslationOrigin(models.Model):
    """A translated page and the source revision its text was translated from.

    Written when a page is copied for translation (``pages.review.translations``) and moved forward when an
    editor marks the translation as following a newer source revision. ``source_content_hash`` is the
    fingerprint of that source revision, so "out of date" means the source's *content* changed (re-saving
    identical text does not count) and survives the source revision being pruned.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_origin")
    source_page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="translation_targets"
    )
    source_revision = models.ForeignKey("wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+")
    source_content_hash = models.CharField(max_length=64)
    recorded_at = models.DateTimeField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    def __str__(self) -> str:
        return f"page {self.page_id} follows revision {self.source_revision_id} of page {self.source_page_id}"
