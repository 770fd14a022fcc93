"""The invalidation state of the response cache, kept where correctness lives: PostgreSQL (or SQLite).

One row per cache tag, plus the clock row :data:`CLOCK_TAG`. Rows are only ever inserted or moved forward,
inside the transaction of the change that makes them necessary, so they commit (or roll back) with it. A cache
may lose any key at any time; it can never lose these.
"""

from __future__ import annotations

from django.db import models

CLOCK_TAG = "__clock__"


class CacheTagVersion(models.Model):
    """``version`` is the clock value of the last transaction that invalidated ``tag`` (the clock row: the
    latest such value, committed in commit order because invalidating transactions update it first)."""

    tag = models.CharField(max_length=200, unique=True)
    version = models.BigIntegerField(default=0)

    class Meta:
        app_label = "api"
        verbose_name = "cache tag version"

    def __str__(self) -> str:
        return f"{self.tag}@{self.version}"


class RequestCounter(models.Model):
    """A rate-limit window's request count (see :mod:`api.caching.counters`); only used without Redis."""

    key = models.CharField(max_length=250, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    expires = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "api"

    def __str__(self) -> str:
        return f"{self.key}={self.count}"
