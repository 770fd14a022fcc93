"""Actions (buttons) of call-to-action and program-spotlight blocks: ``{"label", "kind", "url"}``."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from ... import paths
from ..context import ResolveContext
from .registry import as_dict, as_int, as_text


def collect_action(action: Any, context: ResolveContext) -> None:
    action = as_dict(action)
    if action.get("kind") == "page" and as_int(action.get("page")):
        context.page_ids.add(as_int(action.get("page")))


def build_action(action: Any, context: ResolveContext) -> dict | None:
    """``{"label", "kind", "url"}``, or None when the target is missing or not public."""
    action = as_dict(action)
    kind, label = action.get("kind"), as_text(action.get("label"))
    if not kind or not label:
        return None
    url: str | None = None
    if kind == "intake":
        url = paths.frontend_url(settings.FRONTEND_INTAKE_PATH)
    elif kind == "center_locator":
        url = paths.frontend_url(settings.FRONTEND_CENTER_LOCATOR_PATH)
    elif kind == "phone":
        digits = "".join(ch for ch in as_text(action.get("phone")) if ch.isdigit() or ch == "+")
        url = f"tel:{digits}" if digits else None
    elif kind == "page":
        path = context.richtext.page_paths.get(as_int(action.get("page")))
        url = path
    elif kind == "external":
        candidate = as_text(action.get("url"))
        url = candidate if candidate.lower().startswith(("https://", "http://")) else None
    if url is None:
        return None
    return {"label": label, "kind": kind, "url": url}
