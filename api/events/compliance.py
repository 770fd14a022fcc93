"""Daily compliance notices: ``review.due`` for live articles and ``credential.expiring`` for public clinicians.

Run by ``manage.py daily_checks`` (cron or any scheduler, once a day). Each notice is recorded once per
occurrence — per article and due date, per credential holding and expiry date — so running the check
again the same day (or every day until someone acts) does not repeat webhooks.

Which articles and credentials qualify is ``pages.review.compliance``'s rule, the one the admin's dashboard
panels show: a live article whose next review is within ``REVIEW_DUE_SOON_DAYS`` or past; an *active*
credential of a published clinician expiring within ``CREDENTIAL_EXPIRY_WARNING_DAYS``. A credential already
expired is not "expiring" and is not announced (the dashboard lists it as expired).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.utils import timezone

from pages.review import compliance as rules

from .models import ContentEvent, EventType
from .recording import record_event


@dataclass(frozen=True)
class Notice:
    event_type: EventType
    obj: Model
    data: dict[str, Any]


def due_reviews(today: datetime.date) -> list[Notice]:
    return [
        Notice(
            EventType.REVIEW_DUE,
            due.stamps.page,
            {"next_review_due": due.due_on.isoformat(), "status": due.status},
        )
        for due in rules.reviews_due(today)
    ]


def expiring_credentials(today: datetime.date) -> list[Notice]:
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
        for holding in rules.expiring_credentials(today)
        if holding.expires_on is not None
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
