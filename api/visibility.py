"""The public queryset of each public model — the one place API code asks "is this visible?".

Articles: ``pages.review.visibility.public_articles()`` (live, in window, unrestricted, signed off).
Clinicians, centers and other snippets: their manager's ``public()``.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils import timezone
from wagtail.models import Page

from pages.models import ArticleIndexPage, HomePage, is_article
from pages.review.visibility import public_articles, restricted_q


def public_queryset(model: type[Model]) -> QuerySet:
    if is_article(model):
        return public_articles()
    manager: Any = model._default_manager  # every public snippet's manager has public() (its QuerySet's)
    return manager.public()


def is_public(obj: Model) -> bool:
    """Whether ``obj`` is visible in the public API right now."""
    return public_queryset(type(obj)).filter(pk=obj.pk).exists()


def public_listing_pages() -> QuerySet:
    """The home page and article indexes the public may reach: live, inside their go-live/expiry window and not
    view-restricted (themselves or through an ancestor). They carry no clinical content, so no sign-off applies.
    """
    now = timezone.now()
    return (
        Page.objects.type(HomePage, ArticleIndexPage)
        .filter(live=True)
        .filter(Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        .exclude(restricted_q())
    )
