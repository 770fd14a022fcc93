"""Which fields of an article a reviewer should see as changed: those whose content differs, not its spelling.

Wagtail's comparison says a StreamField or rich-text field "has changed" whenever its stored value differs, and
the editor's form re-saves unchanged content in its own spelling: rich text as Draftail writes it
(``<p data-block-key="…">`` for ``<p>``), empty optional fields as ``""`` where an import stored ``null``. An
editor who changed only the title would send the reviewer to a "Body" row with nothing in it changed. These
fields count as changed only when their blocks (type, identity, order) or normalized values differ.
"""

from __future__ import annotations

import re
from typing import Any

from wagtail.admin.compare import RichTextFieldComparison, StreamFieldComparison

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def _normalized(value: Any) -> Any:
    """``value`` (a block's stored form) without what a re-save changes by itself: Draftail's block keys, ``None``
    for an empty field, and the ids of list items (a list stored before it had ids gets new ones on each load)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _BLOCK_KEY.sub("", value)
    if isinstance(value, dict):
        return {key: _normalized(item) for key, item in value.items() if key != "id"}
    if isinstance(value, (list, tuple)):
        return [_normalized(item) for item in value]
    return value


def _stream_content(stream: Any) -> list[tuple[str, Any, Any]]:
    return [
        (child.block_type, child.id, _normalized(child.block.get_prep_value(child.value))) for child in stream or []
    ]


def visibly_changed(diff: Any) -> bool:
    """True if ``diff`` (a comparison from ``wagtail.admin.compare``) compares two different contents."""
    if not diff.has_changed():
        return False
    if isinstance(diff, StreamFieldComparison):
        return _stream_content(diff.val_a) != _stream_content(diff.val_b)
    if isinstance(diff, RichTextFieldComparison):
        return _normalized(diff.val_a) != _normalized(diff.val_b)
    return True
