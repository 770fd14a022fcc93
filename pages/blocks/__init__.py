"""StreamField blocks for article bodies, one module per block family; this package re-exports them.

Blocks hold and validate content only. Turning block values into public JSON (resolving pages, centers and
images through the visibility rules, in batched queries) is the API's job, in ``api/``.
"""

from .actions import ActionBlock, ActionKind, ActionValue, CallToActionBlock
from .body import ArticleBodyBlock
from .centers import ProgramSpotlightBlock, TreatmentCentersBlock
from .evidence import StatisticBlock, cited_reference_errors
from .faq import FAQBlock, QuestionAnswerBlock
from .features import INLINE_FEATURES, PARAGRAPH_FEATURES
from .media import CaptionedImageBlock
from .text import HeadingBlock, ItemListBlock, ParagraphBlock, QuoteBlock, heading_anchor

__all__ = [
    "INLINE_FEATURES",
    "PARAGRAPH_FEATURES",
    "ActionBlock",
    "ActionKind",
    "ActionValue",
    "ArticleBodyBlock",
    "CallToActionBlock",
    "CaptionedImageBlock",
    "FAQBlock",
    "HeadingBlock",
    "ItemListBlock",
    "ParagraphBlock",
    "ProgramSpotlightBlock",
    "QuestionAnswerBlock",
    "QuoteBlock",
    "StatisticBlock",
    "TreatmentCentersBlock",
    "cited_reference_errors",
    "heading_anchor",
]
