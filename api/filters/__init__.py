"""Declared, strictly validated filters for every list endpoint."""

from .articles import ArticleFilterSet
from .base import StrictFilterBackend, StrictFilterSet, check_parameters
from .centers import CenterFilterSet
from .providers import ProviderFilterSet

__all__ = [
    "ArticleFilterSet",
    "CenterFilterSet",
    "ProviderFilterSet",
    "StrictFilterBackend",
    "StrictFilterSet",
    "check_parameters",
]
