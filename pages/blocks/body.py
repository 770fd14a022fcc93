"""The article body: every block an article can contain, in the order the editor's picker lists them."""

from wagtail import blocks


class ArticleBodyBlock(blocks.StreamBlock):
    """Blocks of a long-form article."""

    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link"], icon="pilcrow")
