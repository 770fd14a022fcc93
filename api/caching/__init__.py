"""HTTP caching for the public API: validators, cache tags and a shared cache of built responses.

Views call :func:`tag_response(request, tags, last_modified) <tag_response>` and nothing else;
:class:`api.caching.middleware.ApiCacheMiddleware` (in ``MIDDLEWARE``) does the rest, and
:func:`invalidate_tags` (called inside the transaction of a change) makes every stored response built from
those tags stale in every process when that transaction commits. Tag versions live in the database
(:mod:`api.caching.versions`); the cache only accelerates (:mod:`api.caching.store`).

Tag format: ``article-<id>``, ``provider-<id>``, ``center-<id>``, ``topic-<id>``, and the list tags
``articles``, ``providers``, ``centers``, ``vocabularies`` (plus ``changes`` for the change feed).
"""

from .store import invalidate_tags, purge_after_commit
from .tags import collected_last_modified, collected_tags, tag_response

__all__ = ["collected_last_modified", "collected_tags", "invalidate_tags", "purge_after_commit", "tag_response"]
