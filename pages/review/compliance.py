"""The compliance rules, stated once: which articles are due for clinical review, which credentials expire.

The admin's dashboard panels and the API's daily notices (``api.events.compliance``, run by ``daily_checks``)
both read these, so what an editor sees and what a webhook announces cannot disagree.

* Review due: a *live* article (one readers can reach, whether or not it is public to everyone) whose
  ``next_review_due`` — last clinical review plus the review interval, kept by ``stamps.recompute`` — is
  within ``REVIEW_DUE_SOON_DAYS`` ("due") or past ("overdue"). The status words are ``review_status_for``'s.
* Credentials: holdings of published clinicians in the ``"expiring"`` state (active, expiring within
  ``CREDENTIAL_EXPIRY_WARNING_DAYS``) or the ``"expired"`` state (marked expired or past its date); the
  rule itself is ``providers.models.credentials`` (``expiry_state``, ``expiring_q``, ``expired_q``). Only
  "expiring" is announced: an expired credential is a different state, shown in the admin as such.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from providers.models import CredentialHolding, Provider
from providers.models.credentials import EXPIRED, EXPIRING, expired_q, expiring_q

from .models import ArticleStamps
from .models.stamps import ReviewStatus, review_due_horizon, review_status_for


@dataclass(frozen=True)
class ReviewDue:
    stamps: ArticleStamps
    due_on: datetime.date  # the stamps' next_review_due
    status: str  # ReviewStatus.DUE or ReviewStatus.OVERDUE

    @property
    def overdue(self) -> bool:
        return self.status == ReviewStatus.OVERDUE


@dataclass(frozen=True)
class CredentialAlert:
    holding: CredentialHolding
    state: str  # EXPIRING or EXPIRED

    @property
    def expired(self) -> bool:
        return self.state == EXPIRED


def reviews_due(today: datetime.date) -> list[ReviewDue]:
    """Live articles due or overdue for clinical review on ``today``, the longest overdue first."""
    stamps = (
        ArticleStamps.objects.filter(
            page__live=True, next_review_due__isnull=False, next_review_due__lte=review_due_horizon(today)
        )
        .select_related("page")
        .order_by("next_review_due", "page_id")
    )
    return [
        ReviewDue(item, due_on, review_status_for(due_on, today))
        for item in stamps
        if (due_on := item.next_review_due) is not None
    ]


def _holdings_of_published_clinicians() -> QuerySet[CredentialHolding]:
    return CredentialHolding.objects.filter(provider__in=Provider.objects.public()).select_related(
        "provider", "credential"
    )


def credential_alerts(today: datetime.date) -> list[CredentialAlert]:
    """Expiring and expired credentials of published clinicians, soonest (or longest expired) first."""
    holdings = (
        _holdings_of_published_clinicians()
        .filter(expiring_q(today) | expired_q(today))
        # Inactive and revoked credentials are no longer held: nothing to renew (the clinician's page flags them).
        .exclude(status__in=[CredentialHolding.Status.INACTIVE, CredentialHolding.Status.REVOKED])
    )
    alerts = [CredentialAlert(holding, state) for holding in holdings if (state := holding.expiry_state(today))]
    # An expired holding with no date sorts first: it needs attention at least as much as a dated one.
    return sorted(alerts, key=lambda alert: (alert.holding.expires_on or datetime.date.min, alert.holding.pk))


def expiring_credentials(today: datetime.date) -> list[CredentialHolding]:
    """Active credentials of published clinicians expiring within the warning window (not the expired ones)."""
    return [alert.holding for alert in credential_alerts(today) if alert.state == EXPIRING]
