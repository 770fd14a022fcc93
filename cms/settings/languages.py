"""Content languages: one setting (``LANGUAGES``) decides the locales editors translate into and the API serves.

``LANGUAGES`` comes from the environment as ``code:Name`` pairs (``LANGUAGES=en:English,es:Spanish``); the first
is the default locale (the one the site's home page and every existing page belong to). Wagtail's content
languages are the same list, so a locale row exists for each (the ``pages`` data migration creates them).
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

DEFAULT_LANGUAGES = ["en:English", "es:Spanish"]


def parse_languages(items: list[str]) -> list[tuple[str, str]]:
    """``["en:English", "es:Spanish"]`` → ``[("en", "English"), ("es", "Spanish")]`` (codes lower-cased)."""
    languages = []
    for item in items:
        code, _, name = item.partition(":")
        code = code.strip().lower()
        if not code or not name.strip():
            raise ImproperlyConfigured(f"LANGUAGES entries look like 'es:Spanish', got {item!r}")
        languages.append((code, name.strip()))
    if not languages:
        raise ImproperlyConfigured("LANGUAGES must name at least one language")
    return languages
