"""StreamField blocks of an article body as JSON, built from the stream's raw JSON in two passes.

Each block type registers a *collector* (records the pages, centers, clinicians and images it refers to in a
:class:`~.context.ResolveContext`) and a *builder* (turns the raw value into the contract's JSON from the loaded
context, or returns ``None`` to drop the block). Working from raw JSON rather than ``StreamValue`` lets one
response load every reference of every block in one query per kind (``ResolveContext.load``), whatever the body.

Output: ``[{"type": "<block type>", "id": "<uuid>", "value": {...}}]``; shapes are documented per type in
``api/serializers/blocks.py`` (the OpenAPI union).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.text import slugify

from .. import paths
from ..images import represent_image
from ..richtext import render
from .context import ResolveContext

logger = logging.getLogger("api")

Collector = Callable[[Any, ResolveContext], None]
Builder = Callable[[Any, ResolveContext], Any]


@dataclass(frozen=True)
class BlockType:
    collect: Collector
    build: Builder


REGISTRY: dict[str, BlockType] = {}


def register(name: str, collect: Collector | None = None) -> Callable[[Builder], Builder]:
    def decorator(build: Builder) -> Builder:
        REGISTRY[name] = BlockType(collect or (lambda value, context: None), build)
        return build

    return decorator


# --- raw-value helpers ---------------------------------------------------------------------------


def _items(value: Any) -> list:
    """Items of a ListBlock value in either storage format (``[{"type": "item", "value": …}]`` or plain)."""
    if not isinstance(value, list):
        return []
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" and "value" in item else item
        for item in value
    ]


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    if isinstance(value, dict):  # a chooser value stored as an object
        return _int(value.get("id"))
    return None


def _dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


# --- walking the stream --------------------------------------------------------------------------


def raw_stream(body: Any) -> list[dict]:
    """The raw JSON list of a StreamField value (a ``StreamValue``, or already a list)."""
    if body is None:
        return []
    raw = getattr(body, "raw_data", body)
    return [dict(block) for block in raw if isinstance(block, dict)]


def collect_blocks(stream: Iterable[dict], context: ResolveContext) -> None:
    for block in stream:
        block_type = REGISTRY.get(block.get("type"))
        if block_type is not None:
            block_type.collect(block.get("value"), context)


def build_blocks(stream: Iterable[dict], context: ResolveContext) -> list[dict]:
    built = []
    for block in stream:
        name = block.get("type")
        block_type = REGISTRY.get(name)
        if block_type is None:
            logger.warning("No API representation for block type %r; omitted", name)
            continue
        value = block_type.build(block.get("value"), context)
        if value is None:
            continue
        built.append({"type": name, "id": block.get("id") or "", "value": value})
    return built


# --- actions (call to action, program spotlight) -------------------------------------------------


def _collect_action(action: Any, context: ResolveContext) -> None:
    action = _dict(action)
    if action.get("kind") == "page" and _int(action.get("page")):
        context.page_ids.add(_int(action.get("page")))


def _action(action: Any, context: ResolveContext) -> dict | None:
    """``{"label", "kind", "url"}``, or None when the target is missing or not public."""
    action = _dict(action)
    kind, label = action.get("kind"), _text(action.get("label"))
    if not kind or not label:
        return None
    url: str | None = None
    if kind == "intake":
        url = paths.frontend_url(settings.FRONTEND_INTAKE_PATH)
    elif kind == "center_locator":
        url = paths.frontend_url(settings.FRONTEND_CENTER_LOCATOR_PATH)
    elif kind == "phone":
        digits = "".join(ch for ch in _text(action.get("phone")) if ch.isdigit() or ch == "+")
        url = f"tel:{digits}" if digits else None
    elif kind == "page":
        path = context.richtext.page_paths.get(_int(action.get("page")))
        url = path
    elif kind == "external":
        candidate = _text(action.get("url"))
        url = candidate if candidate.lower().startswith(("https://", "http://")) else None
    if url is None:
        return None
    return {"label": label, "kind": kind, "url": url}


# --- block types ---------------------------------------------------------------------------------


@register("heading")
def heading(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    text = _text(value.get("text")).strip()
    if not text:
        return None
    level = 3 if str(value.get("level")) == "3" else 2
    anchor = slugify(_text(value.get("anchor"))) or slugify(text)
    return {"text": text, "level": level, "anchor": anchor}


@register("paragraph", collect=lambda value, context: context.add_rich_text(_text(value)))
def paragraph(value: Any, context: ResolveContext) -> str | None:
    html = render(_text(value), context.richtext)
    return html or None


def _collect_list(value: Any, context: ResolveContext) -> None:
    for item in _items(_dict(value).get("items")):
        context.add_rich_text(_text(item))


@register("list", collect=_collect_list)
def bulleted_list(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    items = [render(_text(item), context.richtext) for item in _items(value.get("items"))]
    items = [item for item in items if item]
    if not items:
        return None
    return {"style": "numbered" if value.get("style") == "numbered" else "bulleted", "items": items}


def _collect_cta(value: Any, context: ResolveContext) -> None:
    value = _dict(value)
    _collect_action(value.get("primary"), context)
    _collect_action(value.get("secondary"), context)


@register("call_to_action", collect=_collect_cta)
def call_to_action(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    actions = [_action(value.get("primary"), context), _action(value.get("secondary"), context)]
    actions = [action for action in actions if action is not None]
    if not actions:
        return None
    return {"primary": actions[0], "secondary": actions[1] if len(actions) > 1 else None}


@register("statistic")
def statistic(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    citations = [number for number in (_int(item) for item in _items(value.get("citations"))) if number]
    return {"value": _text(value.get("value")), "text": _text(value.get("text")), "citations": citations}


def _collect_centers(value: Any, context: ResolveContext) -> None:
    value = _dict(value)
    chosen = [pk for pk in (_int(item) for item in _items(value.get("centers"))) if pk]
    if chosen:
        context.center_ids.update(chosen)
    else:
        context.add_center_query(_int(value.get("level_of_care")), _text(value.get("state")) or None)


@register("treatment_centers", collect=_collect_centers)
def treatment_centers(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    chosen = [pk for pk in (_int(item) for item in _items(value.get("centers"))) if pk]
    if chosen:
        ids = chosen
    else:
        state = (_text(value.get("state")) or "").upper() or None
        ids = context.centers_by_query.get((_int(value.get("level_of_care")), state), [])
    centers = [context.centers[pk] for pk in ids if pk in context.centers]
    if not centers:
        return None
    return {"heading": _text(value.get("heading")), "centers": centers}


def _collect_spotlight(value: Any, context: ResolveContext) -> None:
    value = _dict(value)
    if _int(value.get("center")):
        context.center_ids.add(_int(value.get("center")))
    context.add_rich_text(_text(value.get("body")))
    _collect_action(value.get("action"), context)


@register("program_spotlight", collect=_collect_spotlight)
def program_spotlight(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    center = context.centers.get(_int(value.get("center")))
    if center is None:  # a draft or deleted center: the promotion has nothing public to point at
        return None
    return {
        "heading": _text(value.get("heading")),
        "center": center,
        "body": render(_text(value.get("body")), context.richtext),
        "action": _action(value.get("action"), context),
        "promotion": "first_party",
    }


def _collect_faq(value: Any, context: ResolveContext) -> None:
    for item in _items(_dict(value).get("items")):
        context.add_rich_text(_text(_dict(item).get("answer")))


@register("faq", collect=_collect_faq)
def faq(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    items = [
        {"question": _text(item.get("question")), "answer": render(_text(item.get("answer")), context.richtext)}
        for item in (_dict(item) for item in _items(value.get("items")))
        if _text(item.get("question"))
    ]
    if not items:
        return None
    return {"heading": _text(value.get("heading")) or None, "items": items}


def _collect_quote(value: Any, context: ResolveContext) -> None:
    provider_id = _int(_dict(value).get("provider"))
    if provider_id:
        context.provider_ids.add(provider_id)


@register("quote", collect=_collect_quote)
def quote(value: Any, context: ResolveContext) -> dict | None:
    value = _dict(value)
    text = _text(value.get("quote")).strip()
    if not text:
        return None
    return {
        "quote": text,
        "attribution": _text(value.get("attribution")) or None,
        "provider": context.providers.get(_int(value.get("provider"))),
    }


def _image_value(value: Any) -> dict:
    image = value.get("image") if isinstance(value, dict) else None
    return image if isinstance(image, dict) else {"image": image}


def _collect_image(value: Any, context: ResolveContext) -> None:
    image_id = _int(_image_value(value).get("image"))
    if image_id:
        context.image_ids.add(image_id)


@register("image", collect=_collect_image)
def image(value: Any, context: ResolveContext) -> dict | None:
    raw = _image_value(value)
    loaded = context.images.get(_int(raw.get("image")))
    if loaded is None:
        return None
    decorative = bool(raw.get("decorative"))
    alt = "" if decorative else (_text(raw.get("alt_text")) or loaded.default_alt_text)
    return {
        "image": represent_image(loaded, alt=alt),
        "caption": _text(_dict(value).get("caption")),
        "decorative": decorative,
    }
