"""Controlled-vocabulary terms as embedded in every response, in the requested locale.

Labels and descriptions are translated per term (``providers.models.translations``); a term without a
translation, or with a blank field, shows the source language's text (the rule lives in that module).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from providers.models.translations import RELATED_NAME, is_source, text_in, text_in_sql

LOCALIZED = "localized_"  # prefix of the annotations :func:`localized_terms` adds
TERM_TEXT = ("name", "description")


def term(obj: Any, locale: str | None = None) -> dict[str, Any]:
    """``{"slug", "name"}`` — the shape a term takes wherever it is embedded."""
    return {"slug": obj.slug, "name": text_in(obj, "name", locale)}


def level_of_care(obj: Any, locale: str | None = None) -> dict[str, Any]:
    return {
        "slug": obj.slug,
        "name": text_in(obj, "name", locale),
        "samhsa_code": obj.samhsa_code or None,
        "asam_level": obj.asam_level or None,
    }


def localized_terms(queryset: QuerySet, locale: str | None) -> QuerySet:
    """Terms with their text in ``locale`` annotated (same query: one correlated lookup per field)."""
    model = queryset.model
    if is_source(locale) or not hasattr(model, RELATED_NAME):
        return queryset
    return queryset.annotate(**{LOCALIZED + name: text_in_sql(model, name, locale) for name in TERM_TEXT})


def _text(obj: Any, name: str) -> Any:
    return getattr(obj, LOCALIZED + name, getattr(obj, name))


def vocabulary_entry(obj: Any, kind: str) -> dict[str, Any]:
    """A term in ``/vocabularies/{kind}/``: id, slug, name, description plus the kind's own codes (text in the
    locale :func:`localized_terms` annotated, if any)."""
    if kind == "credentials":  # addressed by code (the post-nominal), e.g. LPC-S
        return {
            "id": obj.pk,
            "slug": obj.code,
            "name": obj.name,
            "description": "",
            "code": obj.code,
            "kind": obj.kind,
            "issuer": obj.issuer or None,
        }
    entry: dict[str, Any] = {
        "id": obj.pk,
        "slug": obj.slug,
        "name": _text(obj, "name"),
        "description": _text(obj, "description"),
    }
    if kind == "levels-of-care":
        entry.update(samhsa_code=obj.samhsa_code or None, asam_level=obj.asam_level or None)
    elif kind == "topics":
        entry["shows_crisis_resources"] = obj.shows_crisis_resources
    elif kind == "languages":
        entry.update(code=obj.code, samhsa_code=obj.samhsa_code or None)
    elif kind == "populations":
        entry.update(samhsa_code=obj.samhsa_code or None, is_age_group=obj.is_age_group)
    else:
        entry["samhsa_code"] = obj.samhsa_code or None
    return entry
