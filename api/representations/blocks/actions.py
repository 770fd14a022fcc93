"""Actions (buttons) of call-to-action and program-spotlight blocks: ``{"label", "kind", "url"}``."""

from __future__ import annotations

from typing import Any

from pages.blocks.actions import static_action_href

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
    if kind == "page":
        url = context.richtext.page_paths.get(as_int(action.get("page")))
    else:
        href = static_action_href({name: as_text(action.get(name)) for name in ("kind", "phone", "url")})
        if kind in ("intake", "center_locator"):
            url = paths.frontend_url(href) if href else None
        elif kind == "external":  # raw JSON can be forged past URLBlock: only web links go out (X1)
            url = href if href and href.lower().startswith(("https://", "http://")) else None
        else:
            url = href
    if url is None:
        return None
    return {"label": label, "kind": kind, "url": url}
