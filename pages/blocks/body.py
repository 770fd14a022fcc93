"""The article body: every block an article can contain, in the order the editor's picker lists them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from .actions import CallToActionBlock
from .centers import ProgramSpotlightBlock, TreatmentCentersBlock
from .evidence import StatisticBlock
from .faq import FAQBlock
from .media import CaptionedImageBlock
from .text import HeadingBlock, ItemListBlock, ParagraphBlock, QuoteBlock, heading_anchor


def duplicate_anchor(anchor: str) -> str:
    return f"Another heading already uses the anchor “{anchor}”: change this heading or set a different anchor."


class ArticleBodyBlock(blocks.StreamBlock):
    """Blocks of a long-form article."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    list = ItemListBlock()
    call_to_action = CallToActionBlock()
    statistic = StatisticBlock()
    treatment_centers = TreatmentCentersBlock()
    program_spotlight = ProgramSpotlightBlock()
    faq = FAQBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()

    class Meta:
        icon = "doc-full"
        label = "Article body"
        description = "The article: headings, text, lists, calls to action, statistics, centers and more."

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft saves; the article form lists duplicate anchors as warnings
        # Two headings with the same anchor would make in-page links ambiguous.
        seen: dict[str, int] = {}
        block_errors: dict[int, ValidationError] = {}
        for index, child in enumerate(value):
            if child.block_type != "heading":
                continue
            anchor = heading_anchor(child.value)
            if not anchor:  # an unfinished heading in a draft; its own validation reports the missing text
                continue
            if anchor in seen:
                field = "anchor" if child.value.get("anchor") else "text"
                block_errors[index] = StructBlockValidationError(
                    block_errors={field: ValidationError(duplicate_anchor(anchor))}
                )
            else:
                seen[anchor] = index
        if block_errors:
            raise StreamBlockValidationError(block_errors=block_errors)
        return value
