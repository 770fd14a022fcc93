"""Derived stamps: the one function that computes them (``recompute``) and their API shape.

``recompute(page)`` is the only writer of ``ArticleStamps``; it runs on every publish, unpublish and sign-off
(``pages.review.signals``) and whenever a reviewer's credentials change. It reads only facts:

* first published — the earliest ``Publication`` (or Wagtail's ``first_published_at`` if earlier);
* last updated — the latest publication that changed content (fingerprint differs from the previous
  publication) *and* was marked substantive; minor changes, re-publishes and reverts to identical content
  do not move it;
* last reviewed — the latest approved sign-off covering the live content (same rule as the gate);
* next review due — last reviewed + ``REVIEW_CADENCE_MONTHS``;
* byline — exactly the clinicians whose approved sign-offs cover the live content, grouped medical/clinical,
  each shown with the name and post-nominals of their credential snapshot at sign-off.

``review_status`` and the per-reviewer ``credentials_current`` flag depend on today's date, so they are
computed when read (``stamps_representation``), never stored.
"""

from __future__ import annotations

import calendar
import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pages.models import ArticlePage
from providers.models import Provider

from .gate import content_is_signed_off
from .hashing import content_hash
from .models import ArticleStamps, RevisionFingerprint, SignOff
from .models.stamps import review_status_for


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Calendar months later, clamped to the month's last day (2024-02-29 + 12 months = 2025-02-28)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localdate(value)
    return value.isoformat()


def _last_updated(publications: list) -> datetime.datetime | None:
    last_updated, previous_hash = None, None
    for publication in publications:
        changed = publication.content_hash != previous_hash
        if previous_hash is None or (changed and publication.change_kind == "substantive"):
            last_updated = publication.published_at
        previous_hash = publication.content_hash
    return last_updated


def _current_credentials(provider: Any) -> tuple[bool, str | None]:
    """(in good standing now, earliest expiry among byline credentials) from the clinician's live record."""
    if provider is None:
        return False, None
    expiries = [holding.expires_on for holding in provider.byline_holdings() if holding.expires_on]
    return provider.can_sign_off(), _iso(min(expiries)) if expiries else None


def _byline(approvals: list, authors: list) -> dict[str, Any]:
    latest_by_reviewer: dict[Any, Any] = {}
    for signoff in approvals:  # ordered by signed_at: later sign-offs by the same clinician replace earlier ones
        key = signoff.provider_id or f"user-{signoff.reviewer_id}"
        latest_by_reviewer.pop(key, None)
        latest_by_reviewer[key] = signoff
    groups: dict[str, list] = {"medical": [], "clinical": []}
    verified: list[str] = []
    for signoff in sorted(latest_by_reviewer.values(), key=lambda s: (s.signed_at, s.pk)):
        snapshot = signoff.credentials
        in_good_standing, expires = _current_credentials(signoff.provider)
        groups.setdefault(signoff.role, []).append(
            {
                # Who signed stays on the record; the link to a profile that is no longer public does not (P8).
                "slug": snapshot.get("slug") if signoff.provider is not None and signoff.provider.live else None,
                "name": snapshot.get("name"),
                "display_name": snapshot.get("display_name"),
                "signed_off": _iso(signoff.signed_at),
                "provider_id": signoff.provider_id,
                "in_good_standing": in_good_standing,
                "credentials_expire": expires,
            }
        )
        if snapshot.get("credentials_last_verified"):
            verified.append(snapshot["credentials_last_verified"])
    return {
        "medical_providers": groups["medical"],
        "clinical_providers": groups["clinical"],
        "authors": authors,
        "credentials_last_verified": min(verified) if verified else None,
    }


def _authors(page: Any) -> list[dict[str, Any]]:
    provider_ids = list(page.authors.order_by("sort_order").values_list("provider_id", flat=True))
    providers = (
        Provider.objects.public().filter(pk__in=provider_ids).prefetch_related("credential_holdings__credential")
    )
    by_id = {provider.pk: provider for provider in providers}
    return [
        {"slug": by_id[pk].slug, "name": by_id[pk].name, "display_name": by_id[pk].display_name}
        for pk in provider_ids
        if pk in by_id
    ]


@transaction.atomic
def recompute(page: Any) -> ArticleStamps:
    """Recompute and store the stamps of one article from publications, the live revision and sign-offs."""
    page = ArticlePage.objects.select_related("live_revision").get(pk=page.pk)
    stamps, _ = ArticleStamps.objects.select_for_update().get_or_create(page=page)

    publications = list(page.publications.order_by("published_at", "pk"))
    candidates = [
        moment for moment in (page.first_published_at, publications[0].published_at if publications else None) if moment
    ]
    stamps.first_published_at = min(candidates) if candidates else None
    stamps.last_updated_at = _last_updated(publications) or page.last_published_at

    live_revision = page.live_revision if page.live else None
    stamps.live_revision = live_revision
    approvals: list = []
    if live_revision is not None:
        live_hash = content_hash(live_revision.content)
        # Keep the fingerprint the public queryset joins on in step (revisions loaded raw have none).
        RevisionFingerprint.objects.update_or_create(revision=live_revision, defaults={"content_hash": live_hash})
        if content_is_signed_off(page.pk, live_hash):
            approvals = list(
                SignOff.objects.approved()
                .filter(page=page, content_hash=live_hash)
                .select_related("provider")
                .prefetch_related("provider__credential_holdings__credential")
                .order_by("signed_at", "pk")
            )
    stamps.last_reviewed_at = max((signoff.signed_at for signoff in approvals), default=None)
    stamps.next_review_due = (
        add_months(timezone.localdate(stamps.last_reviewed_at), settings.REVIEW_CADENCE_MONTHS)
        if stamps.last_reviewed_at
        else None
    )
    stamps.byline = _byline(approvals, _authors(page) if live_revision is not None else [])
    verified = stamps.byline["credentials_last_verified"]
    stamps.credentials_last_verified = datetime.date.fromisoformat(verified) if verified else None
    stamps.save()
    return stamps


def byline_representation(stamps: ArticleStamps | None, today: datetime.date | None = None) -> dict[str, Any]:
    """The contract's ``byline`` object; each reviewer also carries ``credentials_current`` (computed today)."""
    today = today or timezone.localdate()
    byline = (stamps.byline if stamps else None) or {}

    def reviewer(entry: dict[str, Any]) -> dict[str, Any]:
        expires = entry.get("credentials_expire")
        current = bool(entry.get("in_good_standing")) and (expires is None or expires >= today.isoformat())
        return {
            "slug": entry["slug"],
            "name": entry["name"],
            "display_name": entry["display_name"],
            "signed_off": entry["signed_off"],
            "credentials_current": current,
        }

    return {
        "medical_providers": [reviewer(entry) for entry in byline.get("medical_providers", [])],
        "clinical_providers": [reviewer(entry) for entry in byline.get("clinical_providers", [])],
        "authors": list(byline.get("authors", [])),
        "credentials_last_verified": byline.get("credentials_last_verified"),
    }


def stamps_representation(stamps: ArticleStamps | None, today: datetime.date | None = None) -> dict[str, Any]:
    """``first_published``, ``last_updated``, ``last_reviewed``, ``next_review_due``, ``review_status``, ``byline``."""
    return {
        "first_published": _iso(stamps.first_published_at) if stamps else None,
        "last_updated": _iso(stamps.last_updated_at) if stamps else None,
        "last_reviewed": _iso(stamps.last_reviewed_at) if stamps else None,
        "next_review_due": _iso(stamps.next_review_due) if stamps else None,
        "review_status": review_status_for(stamps.next_review_due if stamps else None, today),
        "byline": byline_representation(stamps, today),
    }
