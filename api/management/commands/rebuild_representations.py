"""Rebuild the stored public representations (``api.published``) of every public article, clinician and center.

    manage.py rebuild_representations                 # everything
    manage.py rebuild_representations --kind article  # one kind (repeatable)

Idempotent and safe while the site serves: each object is rebuilt in its own transaction. Run it after a
deploy that bumps ``REPRESENTATION_VERSION`` to avoid rebuilding lazily on first read.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from django.core.management.base import BaseCommand, CommandParser

from api.published.maintenance import rebuild_kind
from api.published.registry import KIND_KEYS


class Command(BaseCommand):
    help = "Rebuild stored representations (detail/summary JSON, filter columns, search) of public content."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kind", action="append", choices=KIND_KEYS, help="Only this kind (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, kind: list[str] | None, no_progress: bool, **options) -> None:
        for key in kind or KIND_KEYS:
            report = rebuild_kind(key, None if no_progress else self._progress(key))
            self.stdout.write(f"{key}: {report.built} rebuilt ({report.changed} changed), {report.removed} removed")

    def _progress(self, key: str):
        def wrap(items: Iterable[int], total: int) -> Iterator[int]:
            try:
                from tqdm import tqdm
            except ImportError:  # a plain counter when tqdm is not installed
                for done, item in enumerate(items, start=1):
                    yield item
                    if done % 100 == 0 or done == total:
                        self.stderr.write(f"\r{key}: {done}/{total}", ending="")
                self.stderr.write("")
                return
            yield from tqdm(items, total=total, desc=key, unit="obj", file=sys.stderr, disable=total == 0)

        return wrap
