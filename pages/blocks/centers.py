"""Treatment-center blocks: a list of centers, and a labelled first-party program spotlight."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from .actions import ActionBlock, ActionKind
from .features import INLINE_FEATURES
from .text import BLOCK_TEMPLATES, PREVIEW_TEMPLATE

STATE_RE = re.compile(r"^[A-Z]{2}$")


class TreatmentCentersBlock(blocks.StructBlock):
    """Our treatment centers: the ones chosen here, or every center matching a level of care and/or state."""

    heading = blocks.CharBlock(max_length=120, default="Our Treatment Centers")
    centers = blocks.ListBlock(
        SnippetChooserBlock("providers.TreatmentCenter"),
        min_num=0,
        default=[],
        label="Chosen centers",
        help_text="Pick centers to list them in this order. Leave empty to list every center matching the filter.",
    )
    level_of_care = SnippetChooserBlock(
        "providers.LevelOfCare", required=False, help_text="Filter (when no centers are chosen)."
    )
    state = blocks.CharBlock(
        required=False, max_length=2, help_text="Filter (when no centers are chosen): two-letter state code, e.g. AZ."
    )

    class Meta:
        icon = "home"
        label = "Treatment centers"
        preview_template = PREVIEW_TEMPLATE
        description = "Lists our centers: the ones you choose, or all that offer a level of care or are in a state."
        template = f"{BLOCK_TEMPLATES}/treatment_centers.html"
        preview_value = {"heading": "Our Treatment Centers", "centers": [], "state": "AZ"}

    def clean(self, value):
        value = super().clean(value)
        errors: dict[str, ValidationError] = {}
        has_centers = bool([center for center in value.get("centers") or [] if center])
        state = value.get("state") or ""
        if state and not STATE_RE.match(state):
            errors["state"] = ValidationError("Use the two-letter upper-case state code, e.g. AZ.")
        has_filter = bool(value.get("level_of_care") or state)
        if has_centers and has_filter:
            message = "Filters apply only when no centers are chosen: clear this or remove the chosen centers."
            for name in ("level_of_care", "state"):
                if value.get(name):
                    errors[name] = ValidationError(message)
        elif not has_centers and not has_filter and not self.is_deferred_validation:
            errors["centers"] = ValidationError("Choose at least one center, or set a level of care or state filter.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ProgramSpotlightBlock(blocks.StructBlock):
    """First-party promotion: recommends one of our own programs and is always labelled as such to readers."""

    center = SnippetChooserBlock("providers.TreatmentCenter", help_text="The center whose program is recommended.")
    heading = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=INLINE_FEATURES)
    action = ActionBlock(required=False, label="Action (optional)")

    class Meta:
        icon = "thumbtack"
        label = "Program spotlight (our own program)"
        preview_template = PREVIEW_TEMPLATE
        description = (
            "First-party promotion: recommends one of our own centers' programs. "
            "Readers always see it labelled as a recommendation from us."
        )
        template = f"{BLOCK_TEMPLATES}/program_spotlight.html"
        preview_value = {
            "heading": "Choosing the Right Program: Arizona IOP",
            "body": "<p>Arizona IOP offers a supportive environment where you can heal at your own pace.</p>",
            "action": {"label": "Start recovery with Arizona IOP", "kind": ActionKind.INTAKE},
        }
