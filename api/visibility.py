"""The public queryset of each public model — the one place API code asks "is this visible?".

Articles: ``pages.review.visibility.public_articles()`` (live, in window, unrestricted, signed off).
Clinicians, centers and other snippets: their manager's ``public()``.
"""

from __future__ import annotations

from django.db.models import Model, QuerySet


def public_queryset(model: type[Model]) -> QuerySet:
    from pages.models import ArticlePage
    from pages.review.visibility import public_articles

    if issubclass(model, ArticlePage):
        return public_articles()
    return model._default_manager.public()


def is_public(obj: Model) -> bool:
    """Whether ``obj`` is visible in the public API right now."""
    return public_queryset(type(obj)).filter(pk=obj.pk).exists()
