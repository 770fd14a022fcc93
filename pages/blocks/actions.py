"""Call-to-action blocks: an action (intake, phone, center locator, page or external URL) and a pair of them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from .text import BLOCK_TEMPLATES, PREVIEW_TEMPLATE

NEEDS_LABEL = "This button has no label: write the words readers click, e.g. “Start intake”."
# Digits with the usual separators; at least three digits so short codes like 988 are allowed.
PHONE_RE = re.compile(r"^\+?[0-9().\-\s]*$")


class ActionKind:
    """What an action does, and which target field each kind needs."""

    INTAKE = "intake"
    PHONE = "phone"
    CENTER_LOCATOR = "center_locator"
    PAGE = "page"
    EXTERNAL = "external"

    CHOICES = [
        (INTAKE, "Start intake (the frontend's intake form)"),
        (PHONE, "Call a phone number"),
        (CENTER_LOCATOR, "Find a center (the frontend's center locator)"),
        (PAGE, "Go to a page on this site"),
        (EXTERNAL, "Go to an external website"),
    ]

    # The one target field each kind uses; intake and center locator use a configured frontend path.
    TARGET_FIELD = {PAGE: "page", EXTERNAL: "url", PHONE: "phone"}
    TARGET_FIELDS = ("page", "url", "phone")
    MISSING_TARGET = {
        "page": "Choose the page this button goes to.",
        "url": "Enter the website address this button goes to.",
        "phone": "Enter the phone number to call.",
    }


class ActionValue(blocks.StructValue):
    """An action's value, with the link target when it needs no database lookup."""

    @property
    def is_empty(self) -> bool:
        return not any(self.get(name) for name in ("label", "kind", *ActionKind.TARGET_FIELDS))

    def static_href(self) -> str | None:
        return static_action_href(self)


def static_action_href(action: Mapping[str, Any]) -> str | None:
    """The link for intake, center-locator, phone and external actions; None for pages (resolve those yourself,
    through the public visibility rules) and for empty actions. Works on a block value or its raw JSON."""
    kind = action.get("kind")
    if kind == ActionKind.INTAKE:
        return settings.FRONTEND_INTAKE_PATH
    if kind == ActionKind.CENTER_LOCATOR:
        return settings.FRONTEND_CENTER_LOCATOR_PATH
    if kind == ActionKind.PHONE and action.get("phone"):
        return ("tel:" + re.sub(r"[^0-9+]", "", action["phone"])) if re.search(r"[0-9]", action["phone"]) else None
    if kind == ActionKind.EXTERNAL and action.get("url"):
        return action["url"]
    return None


def phone_digits(value: str) -> str:
    return re.sub(r"\D", "", value)


class ActionBlock(blocks.StructBlock):
    """One button or link: its label and where it takes the reader."""

    label = blocks.CharBlock(required=False, max_length=80, help_text="The button text, e.g. “Start intake”.")
    kind = blocks.ChoiceBlock(choices=ActionKind.CHOICES, required=False, label="Action")
    page = blocks.PageChooserBlock(required=False, help_text="For “Go to a page”.")
    url = blocks.URLBlock(required=False, label="URL", help_text="For “Go to an external website”.")
    phone = blocks.CharBlock(required=False, max_length=32, help_text="For “Call a phone number”, e.g. 988.")

    def __init__(self, local_blocks=None, required: bool = True, **kwargs):
        # Sub-fields are optional at the form level so an optional action can be left entirely blank;
        # clean() enforces what each kind needs.
        self.is_required = required
        super().__init__(local_blocks, **kwargs)

    class Meta:
        icon = "link"
        label = "Action"
        preview_template = PREVIEW_TEMPLATE
        description = "A button: start intake, call, find a center, or go to a page or website."
        value_class = ActionValue
        template = f"{BLOCK_TEMPLATES}/action.html"
        preview_value = {"label": "Start personalized outpatient care", "kind": ActionKind.INTAKE}

    def clean(self, value):
        value = super().clean(value)
        if not self.is_required and value.is_empty:
            return value
        errors: dict[str, ValidationError] = {}
        kind = value.get("kind")
        if not self.is_deferred_validation:
            if not value.get("label"):
                errors["label"] = ValidationError(NEEDS_LABEL)
            if not kind:
                errors["kind"] = ValidationError("Choose what the button does.")
        needed = ActionKind.TARGET_FIELD.get(kind)
        if needed and not value.get(needed) and not self.is_deferred_validation:
            errors[needed] = ValidationError(ActionKind.MISSING_TARGET[needed])
        for field in ActionKind.TARGET_FIELDS:
            if kind and field != needed and value.get(field):
                errors[field] = ValidationError(
                    f"Not used by the “{dict(ActionKind.CHOICES)[kind]}” action: clear it or change the action."
                )
        phone = value.get("phone")
        if phone and "phone" not in errors and (not PHONE_RE.match(phone) or len(phone_digits(phone)) < 3):
            errors["phone"] = ValidationError("Enter a phone number such as 988 or (602) 555-0100.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class CallToActionBlock(blocks.StructBlock):
    """A pair of buttons: a primary action and an optional secondary one."""

    primary = ActionBlock(label="Primary action")
    secondary = ActionBlock(required=False, label="Secondary action (optional)")

    class Meta:
        icon = "arrow-right-full"
        label = "Call to action"
        preview_template = PREVIEW_TEMPLATE
        description = "One or two buttons, e.g. “Start personalized outpatient care” and “Get support that fits you”."
        template = f"{BLOCK_TEMPLATES}/call_to_action.html"
        preview_value = {
            "primary": {"label": "Start personalized outpatient care", "kind": ActionKind.INTAKE},
            "secondary": {"label": "Get support that fits you", "kind": ActionKind.CENTER_LOCATOR},
        }
