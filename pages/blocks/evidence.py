"""Evidence blocks: statistics that always cite the article's numbered references."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .text import BLOCK_TEMPLATES, PREVIEW_TEMPLATE

STATISTIC_BLOCK_NAME = "statistic"
NEEDS_SOURCE = "This statistic needs a source: add a reference below and cite it by its number."


def missing_reference(number: int, count: int) -> str:
    have = f"this article has {count} reference{'s' if count != 1 else ''}"
    return f"There is no reference {number}: {have}. Add it under References below, or fix the number."


class StatisticBlock(blocks.StructBlock):
    """A headline figure with its explanation and at least one citation to the article's references."""

    value = blocks.CharBlock(max_length=40, help_text="The figure as printed, e.g. “21 million” or “8.3%”.")
    text = blocks.CharBlock(
        max_length=300, help_text="What the figure measures, e.g. “adults in the U.S. experience at least one…”."
    )
    citations = blocks.ListBlock(
        blocks.IntegerBlock(min_value=1, label="Reference number"),
        min_num=1,
        label="Citations",
        help_text="Numbers of the article's references (1 is the first reference) that support this figure.",
    )

    class Meta:
        icon = "decimal"
        label = "Statistic"
        preview_template = PREVIEW_TEMPLATE
        description = "A key figure with its source: cites one or more of the article's numbered references."
        template = f"{BLOCK_TEMPLATES}/statistic.html"
        preview_value = {
            "value": "21 million",
            "text": "adults in the U.S. experience at least one major depressive episode",
            "citations": [1],
        }

    def clean(self, value):
        # A claim without a source never goes to review; a draft may be saved without one (the article form
        # lists it as a warning, see ``pages.content_checks``).
        citations = [number for number in (value.get("citations") or []) if number is not None]
        errors: dict[str, ValidationError] = {}
        try:
            value = super().clean(value)
        except StructBlockValidationError as error:
            errors.update(error.block_errors)
        if not citations:
            # Instead of the list's generic "The minimum number of items is 1": say what to do.
            errors.pop("citations", None)
            if not self.is_deferred_validation:
                errors["citations"] = ListBlockValidationError(
                    non_block_errors=ErrorList([ValidationError(NEEDS_SOURCE)])
                )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


def cited_reference_errors(body: Iterable, reference_count: int) -> StreamBlockValidationError | None:
    """Errors for statistic citations with no matching reference, placed on the offending blocks.

    ``body`` is a StreamValue (or any iterable of bound blocks with ``block_type`` and ``value``);
    ``reference_count`` is how many references the article has. None when every citation resolves.
    """
    block_errors: dict[int, ValidationError] = {}
    for index, child in enumerate(body):
        if child.block_type != STATISTIC_BLOCK_NAME:
            continue
        missing = {
            position: number
            for position, number in enumerate(child.value.get("citations") or [])
            if number is not None and not 1 <= number <= reference_count
        }
        if missing:
            block_errors[index] = StructBlockValidationError(
                block_errors={
                    "citations": ListBlockValidationError(
                        block_errors={
                            position: ValidationError(missing_reference(number, reference_count))
                            for position, number in missing.items()
                        }
                    )
                }
            )
    return StreamBlockValidationError(block_errors=block_errors) if block_errors else None
