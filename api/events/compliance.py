"""Daily compliance notices: ``review.due`` for public articles and ``credential.expiring`` for public clinicians.

Run by ``manage.py daily_checks`` (cron or any scheduler, once a day). Each notice is recorded once per
occurrence — per article and due date, per credential holding and expiry date — so running the check
again the same day (or every day until someone acts) does not repeat webhooks.

* ``review.due``: the article's ``ArticleStamps.next_review_due`` (written by ``pages.review.stamps``) is
  within ``REVIEW_DUE_SOON_DAYS`` or past.
* ``credential.expiring``: an *active* credential holding of a published clinician expires within
  ``CREDENTIAL_EXPIRY_WARNING_DAYS`` (or has expired while still marked active).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from pages.review.visibility import public_articles

from .models import ContentEvent, EventType
from .recording import record_event


@dataclass(frozen=True)
class Notice:
    event_type: str
    obj: object
    data: dict


def due_reviews(today: datetime.date) -> list[Notice]:
    horizon = today + datetime.timedelta(days=settings.REVIEW_DUE_SOON_DAYS)
    stamps_model = apps.get_model("review", "ArticleStamps")
    stamps = stamps_model.objects.filter(
        page__in=public_articles(), next_review_due__isnull=False, next_review_due__lte=horizon
    ).select_related("page")
    return [
        Notice(
            EventType.REVIEW_DUE,
            stamp.page,
            {
                "next_review_due": stamp.next_review_due.isoformat(),
                "status": "overdue" if stamp.next_review_due < today else "due",
            },
        )
        for stamp in stamps.order_by("next_review_due", "page_id")
    ]


def expiring_credentials(today: datetime.date) -> list[Notice]:
    horizon = today + datetime.timedelta(days=settings.CREDENTIAL_EXPIRY_WARNING_DAYS)
    holding_model = apps.get_model("providers", "CredentialHolding")
    provider_model = apps.get_model("providers", "Provider")
    holdings = holding_model.objects.filter(
        status=holding_model.Status.ACTIVE,
        expires_on__isnull=False,
        expires_on__lte=horizon,
        provider__in=provider_model.objects.public(),
    ).select_related("provider", "credential")
    return [
        Notice(
            EventType.CREDENTIAL_EXPIRING,
            holding.provider,
            {
                "holding_id": holding.pk,
                "credential": holding.credential.code,
                "expires_on": holding.expires_on.isoformat(),
                "days_left": (holding.expires_on - today).days,
            },
        )
        for holding in holdings.order_by("expires_on", "pk")
    ]


def _already_recorded(notice: Notice) -> bool:
    identity = {
        EventType.REVIEW_DUE: {"data__next_review_due": notice.data.get("next_review_due")},
        EventType.CREDENTIAL_EXPIRING: {
            "data__holding_id": notice.data.get("holding_id"),
            "data__expires_on": notice.data.get("expires_on"),
        },
    }[notice.event_type]
    return ContentEvent.objects.filter(
        event_type=notice.event_type,
        content_type=ContentType.objects.get_for_model(notice.obj),
        object_id=str(notice.obj.pk),
        **identity,
    ).exists()


def run_daily_checks(today: datetime.date | None = None, *, dry_run: bool = False) -> list[Notice]:
    """Record every notice not recorded before; returns the new ones (all that would be new when ``dry_run``)."""
    today = today or timezone.localdate()
    new = [notice for notice in [*due_reviews(today), *expiring_credentials(today)] if not _already_recorded(notice)]
    if not dry_run:
        for notice in new:
            record_event(notice.event_type, notice.obj, data=notice.data)
    return new
