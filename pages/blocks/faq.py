"""Frequently asked questions."""

from __future__ import annotations

from wagtail import blocks

from .features import INLINE_FEATURES
from .text import BLOCK_TEMPLATES, PREVIEW_TEMPLATE


class QuestionAnswerBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=300)
    answer = blocks.RichTextBlock(features=INLINE_FEATURES)

    class Meta:
        icon = "comment"
        label = "Question"
        preview_template = PREVIEW_TEMPLATE
        description = "A question readers ask, with a short answer."
        preview_value = {
            "question": "How many days a week is an IOP?",
            "answer": "<p>Most programs meet 3–5 times a week for a few hours each day.</p>",
        }


class FAQBlock(blocks.StructBlock):
    """A list of frequently asked questions with answers."""

    heading = blocks.CharBlock(required=False, max_length=200, help_text="e.g. “Frequently asked questions”.")
    items = blocks.ListBlock(QuestionAnswerBlock(), min_num=1, label="Questions")

    class Meta:
        icon = "help"
        label = "FAQ"
        preview_template = PREVIEW_TEMPLATE
        description = "Questions and answers (frontends may mark them up as an FAQ for search engines)."
        template = f"{BLOCK_TEMPLATES}/faq.html"
        preview_value = {
            "heading": "Frequently asked questions",
            "items": [
                {
                    "question": "How many days a week is an IOP?",
                    "answer": "<p>Most programs meet 3–5 times a week for a few hours each day.</p>",
                },
                {
                    "question": "Can I keep working during an IOP?",
                    "answer": "<p>Yes. You attend sessions and still sleep at home.</p>",
                },
            ],
        }
