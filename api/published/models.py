"""Stored representations: the public JSON of every public article, clinician and center, kept in the database.

One :class:`StoredRepresentation` per public object and locale holds its encoded detail and summary JSON (served as
stored bytes), the columns list filters and orderings need, and the full-text document. A
:class:`RepresentationFacet` row names either a filter value (``topic=depression``) or something the
representation embeds (``uses:providers.provider=12``), which is how dependents are found when that changes.

Rows are written only by :mod:`api.published.rebuild`, in the transaction of the change that alters them, and by
the database triggers of :mod:`api.published.triggers` (a page's live state and window; the row counts).
"""

from __future__ import annotations

from django.db import models


class StoredRepresentation(models.Model):
    kind = models.CharField(max_length=16)  # registry key: article, provider, center
    object_id = models.PositiveBigIntegerField()
    slug = models.CharField(max_length=255)
    path = models.CharField(max_length=1024)
    # Articles only: the page the row was built from (its live state follows through ``page_live``).
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+", db_constraint=True
    )
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    # Articles: True while the page is live on ``revision_id``. Rows are built True; the database trigger of
    # :mod:`api.published.triggers` sets it (and copies the go-live/expiry window) whenever the page row changes,
    # whoever changes it — a raw ``UPDATE`` included — so reads decide visibility on this row alone.
    page_live = models.BooleanField(default=True, db_default=True)
    tree_path = models.CharField(max_length=255, blank=True)  # articles: earliest in tree wins a slug clash
    # Articles: the page's go-live/expiry window, kept equal to the page's by the trigger; checked at read time
    # (nothing waits for the scheduler) and telling responses when the next article appears or disappears.
    go_live_at = models.DateTimeField(null=True, blank=True)
    expire_at = models.DateTimeField(null=True, blank=True)
    # Language of the stored content (api.locales): an article's page locale; clinicians and centers have a row
    # per locale (their text translated per field, providers.models.translations).
    locale = models.CharField(max_length=16, default="")

    detail_json = models.BinaryField()
    # The detail gzip-compressed once at build time (served to clients that accept gzip; empty: compress per
    # response as before), so a read never spends CPU compressing the same bytes again.
    detail_gzip = models.BinaryField(default=b"", blank=True)
    summary_json = models.BinaryField()
    content_hash = models.CharField(max_length=64)
    cache_tags = models.JSONField(default=list)
    last_modified = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)  # the object's last_published_at (sitemap)
    representation_version = models.PositiveIntegerField()
    build_key = models.CharField(max_length=16)
    built_at = models.DateTimeField()
    valid_until = models.DateTimeField(null=True, blank=True)

    # Filter and ordering columns.
    title = models.CharField(max_length=512)
    last_updated = models.DateTimeField(null=True, blank=True)
    first_published = models.DateTimeField(null=True, blank=True)
    category = models.CharField(max_length=32, blank=True)
    state = models.CharField(max_length=8, blank=True)
    city = models.CharField(max_length=200, blank=True)
    city_key = models.CharField(max_length=200, blank=True)  # lower-cased, for case-insensitive equality
    accepting_new_patients = models.BooleanField(default=False)  # centers only
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)

    # Full-text document (PostgreSQL keeps a weighted tsvector in a column added by migration).
    search_title = models.TextField(blank=True)
    search_summary = models.TextField(blank=True)
    search_body = models.TextField(blank=True)

    class Meta:
        # One row per object and locale: an article (a page) has one; clinicians and centers one per locale.
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "locale"], name="api_stored_object_locale_unique")
        ]
        indexes = [
            models.Index(fields=["kind", "slug", "tree_path"], name="api_stored_slug_idx"),
            models.Index(fields=["kind", "path"], name="api_stored_path_idx"),
            models.Index(fields=["kind", "-last_updated", "-object_id"], name="api_stored_updated_idx"),
            models.Index(fields=["kind", "locale", "-last_updated", "-object_id"], name="api_stored_locale_idx"),
            models.Index(fields=["kind", "title", "object_id"], name="api_stored_title_idx"),
            models.Index(fields=["kind", "-first_published", "-object_id"], name="api_stored_first_idx"),
            models.Index(fields=["kind", "state", "city_key"], name="api_stored_place_idx"),
            models.Index(fields=["kind", "latitude", "longitude"], name="api_stored_geo_idx"),
            models.Index(fields=["kind", "expire_at"], name="api_stored_expire_idx"),
            models.Index(fields=["kind", "go_live_at"], name="api_stored_go_live_idx"),
            models.Index(
                fields=["kind", "locale"], condition=models.Q(page_live=False), name="api_stored_not_live_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.slug}"


class StoredRowCount(models.Model):
    """How many stored rows of ``kind`` in ``locale`` exist, kept by database triggers on every insert and delete
    (:mod:`api.published.triggers`), so an unfiltered list knows its total without counting its rows."""

    kind = models.CharField(max_length=16)
    locale = models.CharField(max_length=16)
    count = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "locale"], name="api_stored_count_unique")]

    def __str__(self) -> str:
        return f"{self.kind}/{self.locale}: {self.count}"


class RepresentationFacet(models.Model):
    record = models.ForeignKey(StoredRepresentation, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=64)
    value = models.CharField(max_length=255)

    class Meta:
        indexes = [models.Index(fields=["facet", "value"], name="api_facet_value_idx")]
        constraints = [
            models.UniqueConstraint(fields=["record", "facet", "value"], name="api_facet_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"
