"""Content problems an editor must fix before an article goes to clinical review, named in the editor's words.

One list of checks, used twice by the article form (``pages.forms.ArticlePageForm``):

* "Save draft" (and autosave) — the draft saves; the problems are listed in a warning message, each naming its
  block ("Block 3, Statistic “8.3%”: …");
* "Submit for clinical review" / "Publish" — the same problems are errors on the blocks, and nothing is submitted.

The checks: statistics without a source, citations of a reference that does not exist, images without alt text
(unless marked decorative), buttons without a label, and two headings with the same anchor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .blocks import heading_anchor
from .blocks.actions import NEEDS_LABEL
from .blocks.body import duplicate_anchor
from .blocks.evidence import NEEDS_SOURCE, missing_reference

NEEDS_ALT_TEXT = "This image needs alt text: describe what it shows, or tick “Image is decorative”."


@dataclass(frozen=True)
class Problem:
    index: int  # position of the block in the body
    block: str  # the block as the editor sees it, e.g. "Statistic “8.3%”"
    message: str
    path: tuple[Any, ...] = ()  # where inside the block (field name, list position…)

    def describe(self) -> str:
        return f"Block {self.index + 1}, {self.block}: {self.message}"


def _block_name(block_type: str, value: Any) -> str:
    names = {
        "statistic": ("Statistic", "value"),
        "heading": ("Heading", "text"),
        "image": ("Image", "caption"),
        "call_to_action": ("Call to action", None),
        "program_spotlight": ("Program spotlight", "heading"),
    }
    label, field = names.get(block_type, (block_type.replace("_", " ").capitalize(), None))
    detail = (value.get(field) or "") if field and hasattr(value, "get") else ""
    return f"{label} “{detail}”" if detail else label


def _actions(block_type: str, value: Any) -> list[tuple[tuple[str, ...], Any]]:
    if block_type == "call_to_action":
        return [(("primary",), value.get("primary")), (("secondary",), value.get("secondary"))]
    if block_type == "program_spotlight":
        return [(("action",), value.get("action"))]
    return []


def _action_problems(block_type: str, value: Any) -> list[tuple[tuple[Any, ...], str]]:
    found = []
    for path, action in _actions(block_type, value):
        if not action:
            continue
        used = any(action.get(name) for name in ("kind", "page", "url", "phone"))
        if used and not (action.get("label") or "").strip():
            found.append(((*path, "label"), NEEDS_LABEL))
    return found


def _image_problem(value: Any) -> str | None:
    image = value.get("image") if hasattr(value, "get") else None
    if image is None:
        return None
    if getattr(image, "decorative", False) or (getattr(image, "contextual_alt_text", "") or "").strip():
        return None
    return NEEDS_ALT_TEXT


def content_problems(body: Iterable[Any], reference_count: int) -> list[Problem]:
    """Every problem in ``body`` (a StreamValue, or blocks with ``block_type``/``value``), in block order."""
    problems: list[Problem] = []
    anchors: set[str] = set()
    for index, child in enumerate(body):
        block_type, value = child.block_type, child.value
        name = _block_name(block_type, value)
        if block_type == "statistic":
            numbers = [number for number in value.get("citations") or [] if number is not None]
            if not numbers:
                problems.append(Problem(index, name, NEEDS_SOURCE, ("citations",)))
            for position, number in enumerate(value.get("citations") or []):
                if number is not None and not 1 <= number <= reference_count:
                    problems.append(
                        Problem(index, name, missing_reference(number, reference_count), ("citations", position))
                    )
        elif block_type == "heading":
            anchor = heading_anchor(value)
            if anchor and anchor in anchors:
                field = "anchor" if value.get("anchor") else "text"
                problems.append(Problem(index, name, duplicate_anchor(anchor), (field,)))
            anchors.add(anchor)
        elif block_type == "image" and (message := _image_problem(value)):
            problems.append(Problem(index, name, message, ("image",)))
        for path, message in _action_problems(block_type, value):
            problems.append(Problem(index, name, message, path))
    return problems
