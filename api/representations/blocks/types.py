"""One builder (and collector) per block type of the article body."""

from __future__ import annotations

from typing import Any

from pages.blocks.text import heading_anchor

from ...images import represent_image
from ...richtext import render
from ..context import ResolveContext
from .actions import build_action, collect_action
from .registry import as_dict, as_int, as_text, items_of, register


@register("heading")
def heading(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    text = as_text(value.get("text")).strip()
    if not text:
        return None
    level = 3 if str(value.get("level")) == "3" else 2
    return {
        "text": text,
        "level": level,
        "anchor": heading_anchor({"anchor": as_text(value.get("anchor")), "text": text}),
    }


@register("paragraph", collect=lambda value, context: context.add_rich_text(as_text(value)))
def paragraph(value: Any, context: ResolveContext) -> str | None:
    html = render(as_text(value), context.richtext)
    return html or None


def _collect_list(value: Any, context: ResolveContext) -> None:
    for item in items_of(as_dict(value).get("items")):
        context.add_rich_text(as_text(item))


@register("list", collect=_collect_list)
def bulleted_list(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    items = [render(as_text(item), context.richtext) for item in items_of(value.get("items"))]
    items = [item for item in items if item]
    if not items:
        return None
    return {"style": "numbered" if value.get("style") == "numbered" else "bulleted", "items": items}


def _collect_cta(value: Any, context: ResolveContext) -> None:
    value = as_dict(value)
    collect_action(value.get("primary"), context)
    collect_action(value.get("secondary"), context)


@register("call_to_action", collect=_collect_cta)
def call_to_action(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    actions = [build_action(value.get("primary"), context), build_action(value.get("secondary"), context)]
    actions = [action for action in actions if action is not None]
    if not actions:
        return None
    return {"primary": actions[0], "secondary": actions[1] if len(actions) > 1 else None}


@register("statistic")
def statistic(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    citations = [number for number in (as_int(item) for item in items_of(value.get("citations"))) if number]
    return {"value": as_text(value.get("value")), "text": as_text(value.get("text")), "citations": citations}


def _collect_centers(value: Any, context: ResolveContext) -> None:
    value = as_dict(value)
    chosen = [pk for pk in (as_int(item) for item in items_of(value.get("centers"))) if pk]
    if chosen:
        context.center_ids.update(chosen)
    else:
        context.add_center_query(as_int(value.get("level_of_care")), as_text(value.get("state")) or None)


@register("treatment_centers", collect=_collect_centers)
def treatment_centers(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    chosen = [pk for pk in (as_int(item) for item in items_of(value.get("centers"))) if pk]
    if chosen:
        ids = chosen
    else:
        state = (as_text(value.get("state")) or "").upper() or None
        ids = context.centers_by_query.get((as_int(value.get("level_of_care")), state), [])
    centers = [context.centers[pk] for pk in ids if pk in context.centers]
    if not centers:
        return None
    return {"heading": as_text(value.get("heading")), "centers": centers}


def _collect_spotlight(value: Any, context: ResolveContext) -> None:
    value = as_dict(value)
    if as_int(value.get("center")):
        context.center_ids.add(as_int(value.get("center")))
    context.add_rich_text(as_text(value.get("body")))
    collect_action(value.get("action"), context)


@register("program_spotlight", collect=_collect_spotlight)
def program_spotlight(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    center = context.centers.get(as_int(value.get("center")))
    if center is None:  # a draft or deleted center: the promotion has nothing public to point at
        return None
    return {
        "heading": as_text(value.get("heading")),
        "center": center,
        "body": render(as_text(value.get("body")), context.richtext),
        "action": build_action(value.get("action"), context),
        "promotion": "first_party",
    }


def _collect_faq(value: Any, context: ResolveContext) -> None:
    for item in items_of(as_dict(value).get("items")):
        context.add_rich_text(as_text(as_dict(item).get("answer")))


@register("faq", collect=_collect_faq)
def faq(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    items = [
        {"question": as_text(item.get("question")), "answer": render(as_text(item.get("answer")), context.richtext)}
        for item in (as_dict(item) for item in items_of(value.get("items")))
        if as_text(item.get("question"))
    ]
    if not items:
        return None
    return {"heading": as_text(value.get("heading")) or None, "items": items}


def _collect_quote(value: Any, context: ResolveContext) -> None:
    provider_id = as_int(as_dict(value).get("provider"))
    if provider_id:
        context.provider_ids.add(provider_id)


@register("quote", collect=_collect_quote)
def quote(value: Any, context: ResolveContext) -> dict | None:
    value = as_dict(value)
    text = as_text(value.get("quote")).strip()
    if not text:
        return None
    return {
        "quote": text,
        "attribution": as_text(value.get("attribution")) or None,
        "provider": context.providers.get(as_int(value.get("provider"))),
    }


def _image_value(value: Any) -> dict:
    image = value.get("image") if isinstance(value, dict) else None
    return image if isinstance(image, dict) else {"image": image}


def _collect_image(value: Any, context: ResolveContext) -> None:
    image_id = as_int(_image_value(value).get("image"))
    if image_id:
        context.image_ids.add(image_id)


@register("image", collect=_collect_image)
def image(value: Any, context: ResolveContext) -> dict | None:
    raw = _image_value(value)
    loaded = context.images.get(as_int(raw.get("image")))
    if loaded is None:
        return None
    decorative = bool(raw.get("decorative"))
    alt = "" if decorative else (as_text(raw.get("alt_text")) or loaded.default_alt_text)
    return {
        "image": represent_image(loaded, alt=alt),
        "caption": as_text(as_dict(value).get("caption")),
        "decorative": decorative,
    }
