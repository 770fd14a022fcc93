"""The one home of test builders. ``from tests import factories`` gives the everyday ones; the modules hold the rest:

* ``providers`` — factory_boy factories for clinicians, centers, credentials and vocabularies;
* ``pages`` — the page tree (home, ``/resources/``), ``ArticlePageFactory``, ``draft_article``, ``edit``;
* ``accounts`` — users by role: ``user``, ``editor``, ``reviewer``, ``make_reviewer``;
* ``publishing`` — sign-offs and publication through the clinical-review services;
* ``content`` — API scenes: ``seed_content`` (the seed article) and ``every_block_body``.
"""

from .accounts import PASSWORD, default_reviewer, editor, make_reviewer, reviewer, user
from .content import SEED_SIGNED_AT, every_block_body, image, seed_content
from .pages import article_index, body, draft_article, edit, rich
from .providers import ProviderFactory
from .publishing import live_article_with_draft, public_article, publish, published_article, sign

__all__ = [
    "PASSWORD",
    "ProviderFactory",
    "SEED_SIGNED_AT",
    "article_index",
    "body",
    "default_reviewer",
    "draft_article",
    "edit",
    "editor",
    "every_block_body",
    "image",
    "live_article_with_draft",
    "make_reviewer",
    "public_article",
    "publish",
    "published_article",
    "reviewer",
    "rich",
    "seed_content",
    "sign",
    "user",
]
