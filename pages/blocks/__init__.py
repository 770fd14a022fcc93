"""StreamField blocks for article bodies. Each block lives in its own module; this package re-exports them."""

from .body import ArticleBodyBlock

__all__ = ["ArticleBodyBlock"]
