"""The block registry and the two passes over a stream's raw JSON (collect, then build)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..context import ResolveContext

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


def items_of(value: Any) -> list:
    """Items of a ListBlock value in either storage format (``[{"type": "item", "value": …}]`` or plain)."""
    if not isinstance(value, list):
        return []
    return [
        item["value"] if isinstance(item, dict) and item.get("type") == "item" and "value" in item else item
        for item in value
    ]


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    if isinstance(value, dict):  # a chooser value stored as an object
        return as_int(value.get("id"))
    return None


def as_dict(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def as_text(value: Any) -> str:
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
