"""What every demo loader step shares: the report of what was created, and vocabulary lookups by slug."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


class DemoDataError(RuntimeError):
    """The database lacks something the demo relies on (e.g. vocabularies seeded by migrations)."""


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    def note(self, created: bool, label: str) -> None:
        (self.created if created else self.kept).append(label)


def terms(model: type[Any], slugs: Iterable[str]) -> list[Any]:
    """Vocabulary terms by slug, in the given order; a missing slug is an error naming it."""
    slugs = list(slugs)
    found = {term.slug: term for term in model.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        raise DemoDataError(
            f"Missing {model._meta.verbose_name_plural}: {', '.join(missing)}. Run `manage.py migrate` first."
        )
    return [found[slug] for slug in slugs]
