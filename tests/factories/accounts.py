"""Accounts by role: any user, an editor, and clinical reviewers (a reviewers-group account linked to a clinician).

Examples::

    editor = editor(username="erin.editor")
    vines = reviewer("medical", ("MD",), name="Michael Vines", honorific="Dr.", slug="michael-vines")
    foster = make_reviewer(ProviderFactory(name="Natalie Foster", credentials=["LPC-S", "MS"]))
"""

from __future__ import annotations

import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from pages.review.eligibility import EDITORS_GROUP, REVIEWERS_GROUP
from providers.models import Provider

from .providers import ProviderFactory

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery"


def user(username: str | None = None, groups: tuple[str, ...] = (), **fields: Any) -> Any:
    """An account with ``PASSWORD``, in the named groups (seeded by migration)."""
    account = get_user_model().objects.create_user(
        username=username or f"user{next(_counter)}",
        password=PASSWORD,
        email=f"u{next(_counter)}@example.com",
        **fields,
    )
    for name in groups:
        account.groups.add(Group.objects.get(name=name))
    return account


def editor(**fields: Any) -> Any:
    return user(groups=(EDITORS_GROUP,), **fields)


def reviewer(category: str = "medical", credentials: tuple[str, ...] = ("MD",), **provider_fields: Any) -> Any:
    """A user in the reviewers group, linked to a live clinician whose credentials are in good standing."""
    account = user(groups=(REVIEWERS_GROUP,), first_name=provider_fields.get("name", "Reviewer"))
    provider_fields.setdefault("name", f"Reviewer {next(_counter)}")
    ProviderFactory(category=category, user=account, credentials=list(credentials), **provider_fields)
    return account


def make_reviewer(provider: Provider) -> Any:
    """Link an existing clinician to a new account in the reviewers group and return the account."""
    account = user(groups=(REVIEWERS_GROUP,), first_name=provider.name)
    provider.user = account
    provider.save(update_fields=["user"])
    return account


def default_reviewer() -> Any:
    """A medical reviewer (MD) for tests that only need *some* eligible sign-off."""
    return reviewer("medical", ("MD",))


__all__ = ["PASSWORD", "default_reviewer", "editor", "make_reviewer", "reviewer", "user"]
