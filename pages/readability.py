"""Health-literacy checks of an article body: reading grade, long sentences and paragraphs, link text, headings.

One home for these figures: the editor's save message, the reviewer's screen, the API's ``reading_level`` and the
"Reading level" report all call :func:`analyse`. Grades are Flesch-Kincaid grade levels computed by ``textstat``.
Being above ``settings.READING_GRADE_TARGET`` is a warning for the editor, never a reason to refuse a save.

``textstat`` offers no passive-voice measure, so there is none here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any

import textstat
from django.conf import settings

from .blocks import heading_anchor

LONG_SENTENCE_WORDS = 25
LONG_PARAGRAPH_WORDS = 100
# Link text that says nothing about where the link goes (compared lower-cased, without punctuation).
VAGUE_LINK_TEXTS = frozenset(
    {"click here", "here", "click", "this link", "link", "read more", "more", "learn more", "this page", "go"}
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class _RichTextReader(HTMLParser):
    """Plain text of a rich-text fragment, and the text of each of its links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._link: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "a":
            self._link = []
        elif tag in {"p", "br", "li"}:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._link is not None:
            self.links.append(" ".join("".join(self._link).split()))
            self._link = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._link is not None:
            self._link.append(data)


def _read_rich_text(value: Any) -> tuple[str, list[str]]:
    reader = _RichTextReader()
    reader.feed(str(getattr(value, "source", value) or ""))
    reader.close()
    return " ".join(unescape("".join(reader.parts)).split()), reader.links


@dataclass
class _Paragraph:
    text: str
    section: str | None  # anchor of the h2 section it belongs to (None before the first h2)


@dataclass
class Section:
    anchor: str
    heading: str
    grade: float | None = None


@dataclass
class ReadingLevel:
    """What :func:`analyse` found. ``api()`` is the API's ``reading_level``; ``warnings()`` speaks to editors."""

    grade: float | None
    target: int
    sections: list[Section] = field(default_factory=list)
    words: int = 0
    sentences: int = 0
    long_sentences: int = 0
    long_paragraphs: int = 0
    vague_links: list[str] = field(default_factory=list)
    heading_problems: list[str] = field(default_factory=list)

    @property
    def above_target(self) -> bool:
        return self.grade is not None and self.grade > self.target

    def api(self) -> dict[str, Any]:
        return {
            "grade": self.grade,
            "target": self.target,
            "above_target": self.above_target,
            "sections": [{"anchor": s.anchor, "heading": s.heading, "grade": s.grade} for s in self.sections],
            "words": self.words,
            "sentences": self.sentences,
            "long_sentences": self.long_sentences,
            "long_paragraphs": self.long_paragraphs,
            "vague_link_texts": self.vague_links,
            "heading_order_problems": self.heading_problems,
        }

    def warnings(self) -> list[str]:
        """One plain sentence per problem, for the editor (never blocks a save)."""
        found: list[str] = []
        if self.above_target:
            found.append(
                f"The article reads at grade {self.grade:g}, above the target of grade {self.target}: "
                "use shorter sentences and everyday words."
            )
        for section in self.sections:
            if section.grade is not None and section.grade > self.target:
                found.append(f"The section “{section.heading}” reads at grade {section.grade:g}.")
        if self.long_sentences:
            found.append(
                f"{_count(self.long_sentences, 'sentence')} longer than {LONG_SENTENCE_WORDS} words: split them."
            )
        if self.long_paragraphs:
            found.append(
                f"{_count(self.long_paragraphs, 'paragraph')} longer than {LONG_PARAGRAPH_WORDS} words: break them up."
            )
        for text in self.vague_links:
            found.append(f"The link text “{text}” does not say where it goes: describe the destination instead.")
        found.extend(self.heading_problems)
        return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _grade(text: str) -> float | None:
    if not text.strip() or textstat.lexicon_count(text) == 0:
        return None
    return round(max(float(textstat.flesch_kincaid_grade(text)), 0.0), 1)


def _sentences(text: str) -> list[str]:
    return [sentence for sentence in SENTENCE_END.split(text) if sentence.strip()]


def _block_texts(block_type: str, value: Any) -> tuple[list[str], list[str]]:
    """(prose paragraphs, link texts) of one body block; structural blocks contribute nothing."""
    if block_type == "paragraph":
        text, links = _read_rich_text(value)
        return [text], links
    if block_type == "list":
        read = [_read_rich_text(item) for item in value.get("items") or []]
        return [text for text, _ in read], [link for _, links in read for link in links]
    if block_type == "faq":
        texts: list[str] = []
        links = []
        for item in value.get("items") or []:
            answer, answer_links = _read_rich_text(item.get("answer"))
            texts += [item.get("question") or "", answer]
            links += answer_links
        return texts, links
    if block_type == "program_spotlight":
        text, links = _read_rich_text(value.get("body"))
        return [text], links
    if block_type == "quote":
        return [value.get("quote") or ""], []
    if block_type == "statistic":
        return [f"{value.get('value') or ''} {value.get('text') or ''}."], []
    return [], []


def analyse(body: Iterable[Any], target: int | None = None) -> ReadingLevel:
    """Reading figures of an article body (a StreamValue, or any iterable of blocks with block_type/value)."""
    target = settings.READING_GRADE_TARGET if target is None else target
    paragraphs: list[_Paragraph] = []
    sections: list[Section] = []
    links: list[str] = []
    heading_problems: list[str] = []
    seen_h2 = False
    for child in body:
        block_type, value = child.block_type, child.value
        if block_type == "heading":
            text = value.get("text") or ""
            if str(value.get("level")) == "2":
                seen_h2 = True
                sections.append(Section(anchor=heading_anchor(value), heading=text))
            elif not seen_h2:
                heading_problems.append(
                    f"The subheading “{text}” comes before any section heading: make it a Heading 2 "
                    "or add a Heading 2 above it."
                )
            continue
        texts, block_links = _block_texts(block_type, value)
        links += block_links
        current = sections[-1].anchor if sections else None
        paragraphs += [_Paragraph(text, current) for text in texts if text.strip()]

    all_text = " ".join(paragraph.text for paragraph in paragraphs)
    for section in sections:
        section.grade = _grade(" ".join(p.text for p in paragraphs if p.section == section.anchor))
    sentences = [sentence for paragraph in paragraphs for sentence in _sentences(paragraph.text)]
    vague = [text for text in links if " ".join(re.sub(r"[^\w\s]", "", text.lower()).split()) in VAGUE_LINK_TEXTS]
    return ReadingLevel(
        grade=_grade(all_text),
        target=target,
        sections=sections,
        words=textstat.lexicon_count(all_text) if all_text else 0,
        sentences=len(sentences),
        long_sentences=sum(1 for sentence in sentences if len(sentence.split()) > LONG_SENTENCE_WORDS),
        long_paragraphs=sum(1 for paragraph in paragraphs if len(paragraph.text.split()) > LONG_PARAGRAPH_WORDS),
        vague_links=vague,
        heading_problems=heading_problems,
    )


def reading_level(article: Any) -> dict[str, Any]:
    """The API's ``reading_level`` object for an article (saved, or a preview's unsaved revision)."""
    return analyse(article.body).api()
