"""Rich text for the public API: Wagtail "db HTML" in, resolved and sanitised HTML out.

Wagtail stores rich text with placeholders (``<a linktype="page" id="3">``, ``<embed embedtype="image" id="7">``).
Wagtail's own ``expand_db_html`` resolves page links to *any* page, live or not, so a public article linking a
draft would leak the draft's URL (known trap; reliability P7). Here:

- page links resolve to the frontend path of a *public* target; links to anything else are unwrapped (text kept,
  no slug or title of the target);
- image embeds become ``<img src width height alt>`` from an allowlisted rendition with absolute URLs;
- everything is sanitised against an allowlist: no script/style/iframe/object, no ``on*`` attributes, no
  ``javascript:``/``data:`` URLs (reliability X1). Ordinary editor output round-trips unchanged.

Resolution is two-phase so a response costs a bounded number of queries: :func:`collect_references` finds the
page and image ids in any number of rich-text values, the caller bulk-loads the public ones into a
:class:`RichTextContext`, then :func:`render` runs without touching the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, Tag

from .images import inline_image

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "sup", "sub", "code",
    "blockquote", "ul", "ol", "li", "a", "img", "span",
}  # fmt: skip
# Removed with their content: never rendered, only executed or embedded.
DROPPED_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template",
    "svg", "math", "form", "input", "button", "textarea", "select", "link", "meta", "base", "head", "title",
    "audio", "video", "source", "track", "canvas",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "rel", "target"}, "img": {"src", "width", "height", "alt"}}
SAFE_URL = re.compile(r"^(?:https?://|mailto:|tel:|/(?!/)|#)", re.IGNORECASE)

PAGE_LINK = re.compile(r"""<a\b[^>]*\blinktype=["']page["'][^>]*>""", re.IGNORECASE)
IMAGE_EMBED = re.compile(r"""<embed\b[^>]*\bembedtype=["']image["'][^>]*>""", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r"""\bid=["']?(\d{1,18})["']?""", re.IGNORECASE)


@dataclass
class RichTextContext:
    """Public link targets and images a batch of rich text may refer to, loaded in bulk beforehand."""

    page_paths: dict[int, str] = field(default_factory=dict)  # public page id -> frontend path
    images: dict[int, object] = field(default_factory=dict)


@dataclass
class References:
    page_ids: set[int] = field(default_factory=set)
    image_ids: set[int] = field(default_factory=set)

    def update(self, other: References) -> None:
        self.page_ids |= other.page_ids
        self.image_ids |= other.image_ids


def collect_references(values: Iterable[str]) -> References:
    """Page and image ids referenced by db-HTML ``values`` (no queries)."""
    found = References()
    for value in values:
        if not value:
            continue
        for pattern, bucket in ((PAGE_LINK, found.page_ids), (IMAGE_EMBED, found.image_ids)):
            for tag in pattern.findall(value):
                match = ID_ATTRIBUTE.search(tag)
                if match:
                    bucket.add(int(match.group(1)))
    return found


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def _resolve_link(tag: Tag, context: RichTextContext) -> None:
    linktype = tag.get("linktype")
    if linktype is None:
        href = (tag.get("href") or "").strip()
        if href and SAFE_URL.match(href):
            tag.attrs = {"href": href}
            if href.lower().startswith(("http://", "https://")):
                tag["rel"] = "noopener"
        else:
            tag.unwrap()
        return
    path = context.page_paths.get(_int(tag.get("id"))) if linktype == "page" else None
    if path is None:  # not public, or a link type the public site cannot serve: keep the text only
        tag.unwrap()
        return
    tag.attrs = {"href": path}


def _resolve_embed(tag: Tag, context: RichTextContext) -> None:
    image = context.images.get(_int(tag.get("id"))) if tag.get("embedtype") == "image" else None
    rendition = inline_image(image, "") if image is not None else None
    if rendition is None:
        tag.decompose()
        return
    img = Tag(name="img", can_be_empty_element=True)
    img.attrs = {
        "src": rendition["url"],
        "width": str(rendition["width"]),
        "height": str(rendition["height"]),
        "alt": tag.get("alt") or "",
    }
    tag.replace_with(img)


def _sanitise(tag: Tag) -> None:
    allowed = ALLOWED_ATTRIBUTES.get(tag.name, set())
    tag.attrs = {name: value for name, value in tag.attrs.items() if name in allowed}
    if tag.name == "img" and not SAFE_URL.match(tag.get("src", "")):
        tag.decompose()
    elif tag.name == "a" and "href" in tag.attrs and not SAFE_URL.match(tag["href"]):
        tag.unwrap()


def render(value: str | None, context: RichTextContext) -> str:
    """Resolved, sanitised HTML for a db-HTML rich-text ``value`` (no queries)."""
    if not value:
        return ""
    soup = BeautifulSoup(value, "html.parser")
    for comment in soup.find_all(string=lambda text: isinstance(text, Comment)):
        comment.extract()
    for tag in list(soup.find_all(True)):
        if tag.decomposed:
            continue
        name = tag.name.lower()
        if name in DROPPED_TAGS and not (name == "embed" and tag.get("embedtype")):
            tag.decompose()
        elif name == "a":
            _resolve_link(tag, context)
        elif name == "embed":
            _resolve_embed(tag, context)
        elif name not in ALLOWED_TAGS:
            tag.unwrap()
    for tag in list(soup.find_all(True)):
        if not tag.decomposed:
            _sanitise(tag)
    return str(soup)
