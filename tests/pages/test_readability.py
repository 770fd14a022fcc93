"""Health-literacy figures: reading grade per article and section, long sentences, vague links, heading order."""

from __future__ import annotations

from pages.blocks import ArticleBodyBlock
from pages.readability import analyse

BODY = ArticleBodyBlock()
PLAIN = "<p>You can get help. We listen to you. You go home at night.</p>"
HARD = (
    "<p>Comprehensive multidisciplinary psychotherapeutic interventions necessitate individualized "
    "pharmacological considerations, notwithstanding considerable heterogeneity in documented outcomes.</p>"
)


def body(*blocks):
    return BODY.to_python([{"type": kind, "value": value} for kind, value in blocks])


def heading(text, level="2"):
    return ("heading", {"text": text, "level": level, "anchor": ""})


def test_plain_text_is_below_target_and_hard_text_above_it_per_section():
    reading = analyse(body(heading("Easy part"), ("paragraph", PLAIN), heading("Hard part"), ("paragraph", HARD)), 8)
    grades = {section.anchor: section.grade for section in reading.sections}
    assert grades["easy-part"] < 8 < grades["hard-part"]
    assert reading.above_target
    warnings = reading.warnings()
    assert any("above the target of grade 8" in line for line in warnings)
    assert any("“Hard part” reads at grade" in line for line in warnings)
    assert not any("“Easy part”" in line for line in warnings)


def test_above_target_is_only_a_warning_in_the_api_shape():
    api = analyse(body(("paragraph", HARD)), 8).api()
    assert api["above_target"] is True and api["target"] == 8 and api["grade"] > 8


def test_long_sentences_and_paragraphs_are_counted():
    long_sentence = " ".join(["word"] * 30) + "."
    paragraph = "<p>" + " ".join([long_sentence] * 4) + "</p>"
    reading = analyse(body(("paragraph", PLAIN), ("paragraph", paragraph)), 8)
    assert reading.long_sentences == 4
    assert reading.long_paragraphs == 1


def test_click_here_link_text_is_named():
    html = (
        '<p>To book a visit <a href="https://example.com/book">click here</a> or <a href="/a">see our centers</a>.</p>'
    )
    reading = analyse(body(("paragraph", html)), 8)
    assert reading.vague_links == ["click here"]
    assert any("“click here” does not say where it goes" in line for line in reading.warnings())


def test_a_subheading_before_any_section_heading_is_flagged():
    reading = analyse(
        body(heading("Too early", "3"), ("paragraph", PLAIN), heading("Section"), heading("Fine", "3")), 8
    )
    assert len(reading.heading_problems) == 1 and "“Too early”" in reading.heading_problems[0]


def test_empty_body_has_no_grade():
    reading = analyse(body(), 8)
    assert reading.grade is None and reading.warnings() == []
