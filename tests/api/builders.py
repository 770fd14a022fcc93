"""Moved to ``tests.factories`` (the one home of test builders); kept as re-exports so branches written against
this path still import. New code imports from ``tests.factories``."""

from tests.factories import (
    SEED_SIGNED_AT,
    default_reviewer,
    draft_article,
    every_block_body,
    image,
    make_reviewer,
    public_article,
    publish,
    rich,
    seed_content,
)

__all__ = [
    "SEED_SIGNED_AT",
    "default_reviewer",
    "draft_article",
    "every_block_body",
    "image",
    "make_reviewer",
    "public_article",
    "publish",
    "rich",
    "seed_content",
]
