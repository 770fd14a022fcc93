"""Which articles are public (invariant 1). Every API read path starts from ``public_articles()``.

An article is public when it is live, inside its go-live/expiry window (checked here: ``expire_at`` only
takes effect in Wagtail when ``publish_scheduled`` runs), not under a view restriction (on itself or an
ancestor: password, login or group), and its live revision is signed off under the publish gate's rule
(``gate.signed_off_condition``, compared through the live revision's stored fingerprint). A page forced live
in the database on an unsigned revision (P10) therefore stays hidden.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.models import ArticlePage

from .gate import signed_off_condition


def restricted_q() -> Q:
    """Pages that are view-restricted themselves or below a restricted ancestor."""
    # The restricted page's path is a prefix of this page's path (treebeard materialised paths).
    restrictions = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return Q(Exists(restrictions))


def public_articles_at_any_time(queryset: QuerySet | None = None) -> QuerySet:
    """Articles public apart from the go-live/expiry window: live, unrestricted, signed off.

    Stored representations exist for exactly these; the window is checked when they are read.
    """
    queryset = ArticlePage.objects.all() if queryset is None else queryset
    return (
        queryset.filter(live=True, live_revision__isnull=False)
        .exclude(restricted_q())
        .filter(signed_off_condition(OuterRef("pk"), OuterRef("live_revision__review_fingerprint__content_hash")))
    )


def in_window_q(prefix: str = "", now: Any = None) -> Q:
    """Inside the go-live/expiry window at ``now`` (``prefix`` reaches the page from another model)."""
    now = now or timezone.now()
    return (Q(**{f"{prefix}go_live_at__isnull": True}) | Q(**{f"{prefix}go_live_at__lte": now})) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": now})
    )


def public_articles(queryset: QuerySet | None = None) -> QuerySet:
    """Narrow ``queryset`` (default: all articles) to the articles the public may see."""
    return public_articles_at_any_time(queryset).filter(in_window_q())
