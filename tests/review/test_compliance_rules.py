"""The dashboard panels and the API's daily notices apply one compliance rule (``pages.review.compliance``).

Each case builds one article or one credential holding and asks both places what they make of it: the admin's
"Reviews due or overdue" / "Credentials expiring" panels, and ``api.events.compliance`` (what ``daily_checks``
announces). They must agree with each other and with the rule a clinical organisation expects.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from api.events.compliance import due_reviews, expiring_credentials
from pages.review.models import ArticleStamps
from pages.review.views.panels import CredentialsExpiringPanel, ReviewsDuePanel
from tests import factories
from tests.factories.providers import CredentialHoldingFactory, ProviderFactory

pytestmark = pytest.mark.django_db


def _in(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _article(*, due_in: int, live: bool = True, restricted: bool = False) -> object:
    page = factories.published_article(factories.default_reviewer())
    if restricted:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    if not live:
        page.unpublish()
    # Set last: the due date stays whatever unpublishing leaves it, so only "live" tells the cases apart.
    ArticleStamps.objects.filter(page=page).update(next_review_due=_in(due_in))
    return page


REVIEW_CASES = {
    # A live article whose review interval has run out is overdue; within REVIEW_DUE_SOON_DAYS it is due.
    "overdue": ({"due_in": -3}, "overdue"),
    "due soon": ({"due_in": 10}, "due"),
    "due today": ({"due_in": 0}, "due"),
    "not yet due": ({"due_in": 400}, None),
    # Live behind a login is still clinical content readers see: it needs its review like any other.
    "live but restricted": ({"due_in": -3, "restricted": True}, "overdue"),
    "unpublished": ({"due_in": -3, "live": False}, None),
}


@pytest.mark.parametrize(("build", "expected"), REVIEW_CASES.values(), ids=REVIEW_CASES.keys())
def test_reviews_due_agree(build, expected):
    page = _article(**build)

    panel_rows = ReviewsDuePanel().get_context_data()["rows"]
    in_panel = {row.stamps.page_id: ("overdue" if row.overdue else "due") for row in panel_rows}
    in_api = {notice.obj.pk: notice.data["status"] for notice in due_reviews(timezone.localdate())}

    assert in_panel.get(page.pk) == in_api.get(page.pk) == expected


def _holding(*, expires_in: int | None, status: str = "active", published: bool = True) -> object:
    provider = ProviderFactory(publish=published, draft=not published)
    return CredentialHoldingFactory(
        provider=provider, status=status, expires_on=None if expires_in is None else _in(expires_in)
    )


CREDENTIAL_CASES = {
    "active, expiring soon": ({"expires_in": 12}, "expiring"),
    "active, expires today": ({"expires_in": 0}, "expiring"),
    "active, not yet": ({"expires_in": 400}, None),
    # Past its date while still marked active: expired, not "expiring" (and not announced as such).
    "active, past its date": ({"expires_in": -2}, "expired"),
    "marked expired": ({"expires_in": 20, "status": "expired"}, "expired"),
    "marked expired, no date": ({"expires_in": None, "status": "expired"}, "expired"),
    "revoked": ({"expires_in": 5, "status": "revoked"}, None),
    "inactive, past its date": ({"expires_in": -5, "status": "inactive"}, None),
    "unpublished clinician": ({"expires_in": 5, "published": False}, None),
}


@pytest.mark.parametrize(("build", "expected"), CREDENTIAL_CASES.values(), ids=CREDENTIAL_CASES.keys())
def test_credential_alerts_agree(build, expected):
    holding = _holding(**build)

    panel_rows = CredentialsExpiringPanel().get_context_data()["rows"]
    in_panel = {row.holding.pk: ("expired" if row.expired else "expiring") for row in panel_rows}
    announced = {notice.data["holding_id"] for notice in expiring_credentials(timezone.localdate())}

    assert in_panel.get(holding.pk) == expected
    # The API announces exactly the holdings the panel shows as expiring.
    assert (holding.pk in announced) == (expected == "expiring")
