"""Moved to ``tests.factories`` (the one home of test builders); kept as re-exports so branches written against
this path still import. New code uses ``from tests import factories``."""

from tests.factories import (
    PASSWORD,
    ProviderFactory,
    article_index,
    body,
    draft_article,
    edit,
    editor,
    published_article,
    reviewer,
    sign,
    user,
)

__all__ = [
    "PASSWORD",
    "ProviderFactory",
    "article_index",
    "body",
    "draft_article",
    "edit",
    "editor",
    "published_article",
    "reviewer",
    "sign",
    "user",
]
