"""Controlled-vocabulary terms as embedded in every response."""

from __future__ import annotations

from typing import Any


def term(obj: Any) -> dict[str, Any]:
    """``{"slug", "name"}`` — the shape a term takes wherever it is embedded."""
    return {"slug": obj.slug, "name": obj.name}


def level_of_care(obj: Any) -> dict[str, Any]:
    return {
        "slug": obj.slug,
        "name": obj.name,
        "samhsa_code": obj.samhsa_code or None,
        "asam_level": obj.asam_level or None,
    }


def vocabulary_entry(obj: Any, kind: str) -> dict[str, Any]:
    """A term in ``/vocabularies/{kind}/``: id, slug, name, description plus the kind's own codes."""
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
    entry: dict[str, Any] = {"id": obj.pk, "slug": obj.slug, "name": obj.name, "description": obj.description}
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
