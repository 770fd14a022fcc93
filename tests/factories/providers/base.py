"""Helpers shared by the providers factories."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.utils.timezone import localdate
from factory.django import DjangoModelFactory

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


def days_ago(days: int) -> datetime.date:
    """The local date ``days`` days before today (negative for the future)."""
    return localdate() - datetime.timedelta(days=days)


def terms(factory_class: type[DjangoModelFactory], values: Iterable[Any]) -> list[Any]:
    """Model instances for ``values``: instances pass through, strings are slugs looked up (or created)."""
    return [factory_class(slug=value) if isinstance(value, str) else value for value in values]


def publish_if_asked(obj: Any, create: bool, extracted: bool | None, **kwargs: Any) -> None:
    """Save a revision and publish it (``publish=True``), as the admin's "Publish" does."""
    if create and extracted:
        obj.save_revision().publish()
