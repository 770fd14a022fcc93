"""Builders for Wagtail admin article form submissions (what the editor's browser posts)."""

from __future__ import annotations

from typing import Any

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pages.blocks import INLINE_FEATURES, PARAGRAPH_FEATURES


def list_block(values: list[Any]) -> dict[str, Any]:
    """Form data of a ListBlock."""
    data: dict[str, Any] = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""} for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def action(label: str = "", kind: str = "", page: str = "", url: str = "", phone: str = "") -> dict[str, str]:
    return {"label": label, "kind": kind, "page": page, "url": url, "phone": phone}


def paragraph(html: str) -> tuple[str, str]:
    return ("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))


def heading(text: str, level: str = "2", anchor: str = "") -> tuple[str, dict[str, str]]:
    return ("heading", {"text": text, "level": level, "anchor": anchor})


def statistic(value: str, text: str, citations: list[int]) -> tuple[str, dict[str, Any]]:
    return ("statistic", {"value": value, "text": text, "citations": list_block([str(n) for n in citations])})


def bullet_list(items: list[str]) -> tuple[str, dict[str, Any]]:
    return (
        "list",
        {
            "style": "bulleted",
            "items": list_block([rich_text(f"<p>{item}</p>", features=INLINE_FEATURES) for item in items]),
        },
    )


def image(image_id: int | str, alt_text: str = "", decorative: bool = False) -> tuple[str, dict[str, Any]]:
    value: dict[str, Any] = {"image": {"image": str(image_id), "alt_text": alt_text}, "caption": ""}
    if decorative:
        value["image"]["decorative"] = "on"
    return ("image", value)


def reference(title: str, *, pk: int | str = "", url: str = "", delete: bool = False) -> dict[str, Any]:
    data = {"id": str(pk), "title": title, "publisher": "", "url": url, "year": "", "accessed_on": ""}
    if delete:
        data["DELETE"] = "1"
    return data


def article_form(
    *,
    title: str = "IOP for Depression",
    slug: str = "iop-for-depression",
    summary: str = "What to expect.",
    body: list[tuple[str, Any]] | None = None,
    references: list[dict[str, Any]] | None = None,
    initial_references: int = 0,
    change_kind: str = "substantive",
    **extra: Any,
) -> dict[str, Any]:
    """POST data for the article create/edit form."""
    references = references if references is not None else [reference("Major Depression")]
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": summary,
            "body": streamfield(body or [paragraph("<p>Hello</p>")]),
            "references": inline_formset(references, initial=initial_references),
            "authors": inline_formset([]),
            "comments": inline_formset([]),
            "change_kind": change_kind,
            **extra,
        }
    )
