"""Text blocks: headings with stable anchors, paragraphs, lists and quotes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.validators import validate_slug
from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .features import INLINE_FEATURES, PARAGRAPH_FEATURES

BLOCK_TEMPLATES = "pages/blocks"
# The block picker previews each block with this page (it adds the article preview's styles).
PREVIEW_TEMPLATE = f"{BLOCK_TEMPLATES}/preview.html"


def heading_anchor(value: Mapping[str, Any]) -> str:
    """The heading's anchor: the editor's explicit anchor, else the heading text, slugified either way."""
    return slugify(value.get("anchor") or "") or slugify(value.get("text") or "")


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3) with a stable anchor for in-page links."""

    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(choices=[("2", "Heading 2 (section)"), ("3", "Heading 3 (subsection)")], default="2")
    anchor = blocks.CharBlock(
        required=False,
        max_length=100,
        validators=[validate_slug],
        help_text="Optional. Letters, numbers, hyphens. Leave blank to derive it from the text; "
        "set it to keep links to this section working when the text changes.",
    )

    class Meta:
        icon = "title"
        label = "Heading"
        preview_template = PREVIEW_TEMPLATE
        description = "A section (h2) or subsection (h3) heading that readers can link to."
        template = f"{BLOCK_TEMPLATES}/heading.html"
        preview_value = {"text": "What an IOP for Depression Really Is", "level": "2", "anchor": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["anchor"] = heading_anchor(value)
        return context


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text: bold, italic, links and superscript citation markers."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        preview_template = PREVIEW_TEMPLATE
        description = "Body text with bold, italic, links and superscript (for citation markers)."
        preview_value = (
            "<p>An Intensive Outpatient Program (IOP) offers <b>structure, support, and guidance</b> "
            "while still letting you live your life.</p>"
        )


class ItemListBlock(blocks.StructBlock):
    """A bulleted or numbered list of short rich-text items."""

    style = blocks.ChoiceBlock(choices=[("bulleted", "Bulleted"), ("numbered", "Numbered")], default="bulleted")
    items = blocks.ListBlock(blocks.RichTextBlock(features=INLINE_FEATURES), min_num=1, label="Items")

    class Meta:
        icon = "list-ul"
        label = "List"
        preview_template = PREVIEW_TEMPLATE
        description = "A bulleted or numbered list; each item may use bold, italic and links."
        template = f"{BLOCK_TEMPLATES}/list.html"
        preview_value = {
            "style": "bulleted",
            "items": [
                "<p>Dialectical behavior therapy (DBT) for regulating emotions</p>",
                "<p>Group therapy for connection and communication</p>",
                "<p>Coping skills training for daily challenges</p>",
            ],
        }


class QuoteBlock(blocks.StructBlock):
    """A pull quote, optionally attributed to one of our clinicians."""

    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200, help_text="Who said it, as it should be printed.")
    provider = SnippetChooserBlock(
        "providers.Provider", required=False, help_text="Optional: link the quote to a clinician's profile."
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        preview_template = PREVIEW_TEMPLATE
        description = "A highlighted quotation with an optional attribution or clinician."
        template = f"{BLOCK_TEMPLATES}/quote.html"
        preview_value = {
            "quote": "Healing doesn’t look the same for everyone — we meet you exactly where you are.",
            "attribution": "Our clinical team",
        }
