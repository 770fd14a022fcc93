"""Rich-text feature sets for article blocks: inline formatting only, so structure stays in blocks."""

from __future__ import annotations

# Paragraphs: inline emphasis, links and superscript (citation markers such as ¹). Headings, lists,
# images and embeds have their own blocks, so they are not offered inside rich text.
PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript"]

# Short rich text inside other blocks (list items, FAQ answers, spotlight copy).
INLINE_FEATURES = ["bold", "italic", "link"]
