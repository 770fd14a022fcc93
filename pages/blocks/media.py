"""Media blocks: images with alt text (or an explicit decorative flag) and a caption."""

from __future__ import annotations

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from .text import BLOCK_TEMPLATES, PREVIEW_TEMPLATE


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(help_text="Describe the image in the alt text, or tick “decorative” if it adds no information.")
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "image"
        label = "Image"
        preview_template = PREVIEW_TEMPLATE
        description = "An image with alt text (required unless decorative) and an optional caption."
        template = f"{BLOCK_TEMPLATES}/image.html"
        preview_value = {"image": None, "caption": "A group session at one of our outpatient centers."}
