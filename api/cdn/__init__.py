"""Purge the CDN in front of the API by cache tag after content changes (Cloudflare, Fastly or a signed URL).

Call :func:`enqueue_purge` with the tags being invalidated; after the current transaction commits, the worker
sends one request per batch to the CDN chosen by ``CDN_PURGE_BACKEND`` (see :mod:`.backends`), retried with
the webhook machinery. With ``CDN_PURGE_BACKEND=none`` (the default) nothing is stored or sent.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.db import transaction

logger = logging.getLogger("api.cdn")


def enqueue_purge(tags: Iterable[str]) -> None:
    """Purge ``tags`` at the CDN once the current transaction commits (at once outside one). Never raises."""
    if (getattr(settings, "CDN_PURGE_BACKEND", "none") or "none").lower() == "none":
        return
    transaction.on_commit(partial(_enqueue, sorted(set(tags))), robust=True)


def _enqueue(tags: list[str]) -> None:
    from .tasks import create_and_schedule  # models load only once apps are ready

    try:
        create_and_schedule(tags)
    except Exception:
        logger.exception("CDN purge enqueue failed for %s", tags)
