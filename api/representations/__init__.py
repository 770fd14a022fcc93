"""API representations: plain dicts in the contract's shape, built with a bounded number of queries.

``represent_detail(obj, request)`` is what the preview endpoint calls with an unsaved ``revision.as_object()``:
it dispatches on the object's class and never assumes the root object is saved or live, while everything the
object refers to still goes through the public querysets.
"""

from __future__ import annotations

from typing import Any

from pages.models import is_article
from providers.models import Provider, TreatmentCenter

from .articles import represent_article_detail, represent_article_summaries
from .centers import represent_center_detail, represent_center_summaries
from .providers import represent_provider_detail, represent_provider_summaries


def represent_detail(obj: Any, request: Any = None) -> dict[str, Any]:
    """The detail representation of an ArticlePage, Provider or TreatmentCenter (saved or not)."""
    if is_article(obj):
        return represent_article_detail(obj, request)
    if isinstance(obj, Provider):
        return represent_provider_detail(obj, request)
    if isinstance(obj, TreatmentCenter):
        return represent_center_detail(obj, request)
    raise TypeError(f"No public representation for {type(obj).__name__}")


__all__ = [
    "represent_article_detail",
    "represent_article_summaries",
    "represent_center_detail",
    "represent_center_summaries",
    "represent_detail",
    "represent_provider_detail",
    "represent_provider_summaries",
]
