"""Translations the way editors make them (Wagtail's copy for translation), and locale helpers.

Examples::

    spanish = translate(article, "es")           # a draft copy in the Spanish tree (home and index translated too)
    spanish = publish(translate(article, "es"), [spanish_reviewer()])     # signed off and live (tests.factories.publish)
    reader = spanish_reviewer()                  # a reviewer whose clinician profile reads English and Spanish
"""

from __future__ import annotations

from typing import Any

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page

from .accounts import reviewer


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def translate(page: Page, code: str = "es", user: Any = None) -> Any:
    """Copy ``page`` into locale ``code`` as a draft, translating its ancestors first (as editors must)."""
    target = locale(code)
    if page.has_translation(target):
        return page.get_translation(target).specific
    parent = page.get_parent()
    if not parent.is_root():
        translated_parent = translate(parent.specific, code, user)
        if not translated_parent.live:  # home and section pages need no clinical review: editors publish them
            translated_parent.save_revision(user=user).publish(user=user)
    copy = CopyPageForTranslationAction(page.specific, target, user=user).execute(skip_permission_checks=True)
    return copy.specific


def spanish_reviewer(category: str = "clinical", credentials: tuple[str, ...] = ("LPC",), **fields: Any) -> Any:
    """A reviewer whose clinician profile lists English and Spanish among the languages they read."""
    from providers.models import Language

    account = reviewer(category, credentials, **fields)
    provider = account.provider
    provider.languages.set(Language.objects.filter(code__in=["en", "es"]))
    provider.save()  # a ParentalManyToManyField is written when its model is saved
    return account
