"""Rich text resolution and sanitising (reliability X1, P7), and the block representations' edge cases."""

from __future__ import annotations

import pytest

from api.representations.blocks import build_blocks
from api.representations.context import ResolveContext
from api.richtext import RichTextContext, collect_references, render

CONTEXT = RichTextContext(page_paths={3: "/resources/public/"})


@pytest.mark.parametrize(
    "html",
    [
        "<p>Plain paragraph.</p>",
        "<p>Some <b>bold</b>, <i>italic</i> and <strong>strong</strong> <em>text</em>.</p>",
        '<p>A <a href="https://www.nimh.nih.gov/health" rel="noopener">source</a>.</p>',
        "<h2>Heading</h2><h3>Sub</h3><ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol>",
        '<p>Call <a href="tel:988">988</a> or <a href="mailto:help@example.com">write</a>.</p>',
        "<p>Line<br/>break</p>",
    ],
)
def test_normal_content_round_trips_unchanged(html):
    assert render(html, CONTEXT) == html


@pytest.mark.parametrize(
    ("html", "forbidden"),
    [
        ("<p>Hi<script>alert(1)</script></p>", "script"),
        ('<p><img src="x" onerror="alert(1)"></p>', "onerror"),
        ('<p><a href="javascript:alert(1)">click</a></p>', "javascript"),
        ('<p><a href="JaVaScRiPt:alert(1)">click</a></p>', "alert"),
        ('<p><a href=" javascript:alert(1)">click</a></p>', "alert"),
        ('<iframe srcdoc="<script>alert(1)</script>"></iframe><p>after</p>', "iframe"),
        ('<p onclick="steal()">text</p>', "onclick"),
        ('<p style="background:url(javascript:x)">text</p>', "style"),
        ('<svg onload="alert(1)"><circle/></svg>', "svg"),
        ('<p><a href="data:text/html;base64,PHNjcmlwdD4=">x</a></p>', "data:"),
        ('<object data="evil.swf"></object><p>ok</p>', "object"),
        ("<p>a<!-- <script>alert(1)</script> -->b</p>", "script"),
        ('<form action="https://evil.test"><input name="x"></form>', "form"),
        ('<p><a href="//evil.test/x">protocol-relative</a></p>', "evil.test"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "onerror"),
    ],
)
def test_dangerous_markup_is_removed(html, forbidden):
    output = render(html, CONTEXT)
    assert forbidden.lower() not in output.lower()


def test_text_of_removed_links_is_kept():
    assert render('<p><a href="javascript:x()">keep me</a></p>', CONTEXT) == "<p>keep me</p>"


def test_page_links_resolve_only_to_public_pages():
    html = '<p><a linktype="page" id="3">public</a> and <a linktype="page" id="4">secret draft</a></p>'
    assert render(html, CONTEXT) == '<p><a href="/resources/public/">public</a> and secret draft</p>'
    assert collect_references([html]).page_ids == {3, 4}


def test_document_links_and_unknown_embeds_are_dropped_safely():
    html = '<p><a linktype="document" id="9">report</a></p><embed embedtype="media" url="https://evil.test"/>'
    assert render(html, CONTEXT) == "<p>report</p>"


def test_image_embed_without_a_loaded_image_disappears():
    assert render('<p>x</p><embed embedtype="image" id="77" alt="gone"/>', CONTEXT) == "<p>x</p>"


def blocks(stream, **context):
    built = ResolveContext(**context)
    built.richtext.page_paths = {3: "/resources/public/"}
    return build_blocks(stream, built)


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ({"label": "Call", "kind": "phone", "phone": "(602) 555-0100"}, "tel:6025550100"),
        ({"label": "Crisis", "kind": "phone", "phone": "988"}, "tel:988"),
        ({"label": "Go", "kind": "external", "url": "https://988lifeline.org/"}, "https://988lifeline.org/"),
        ({"label": "Page", "kind": "page", "page": 3}, "/resources/public/"),
        ({"label": "Find", "kind": "center_locator"}, "https://www.example.com/locations/"),
        ({"label": "Start", "kind": "intake"}, "https://www.example.com/get-started/"),
    ],
)
def test_actions_resolve_to_urls(settings, action, expected):
    settings.FRONTEND_BASE_URL = "https://www.example.com"
    built = blocks([{"type": "call_to_action", "id": "a", "value": {"primary": action, "secondary": None}}])
    assert built[0]["value"]["primary"]["url"] == expected


@pytest.mark.parametrize(
    "action",
    [
        {"label": "Hidden", "kind": "page", "page": 4},
        {"label": "Script", "kind": "external", "url": "javascript:alert(1)"},
        {"label": "", "kind": "intake"},
        {"label": "No number", "kind": "phone", "phone": ""},
    ],
)
def test_actions_without_a_public_safe_target_are_dropped(action):
    assert blocks([{"type": "call_to_action", "id": "a", "value": {"primary": action}}]) == []
    kept = blocks(
        [
            {
                "type": "call_to_action",
                "id": "a",
                "value": {"primary": action, "secondary": {"label": "Go", "kind": "intake"}},
            }
        ]
    )
    assert kept[0]["value"]["primary"]["label"] == "Go" and kept[0]["value"]["secondary"] is None


def test_heading_anchor_defaults_to_the_slugified_text_and_level_is_an_integer():
    built = blocks([{"type": "heading", "id": "h", "value": {"text": "What an IOP Is", "level": "3", "anchor": ""}}])
    assert built[0]["value"] == {"text": "What an IOP Is", "level": 3, "anchor": "what-an-iop-is"}


def test_unknown_and_malformed_blocks_are_skipped_not_500():
    stream = [
        {"type": "script", "id": "x", "value": "<script>"},
        {"type": "list", "id": "y", "value": None},
        {"type": "statistic", "id": "z", "value": {"value": "1", "text": "t", "citations": ["1", "x", 2]}},
    ]
    assert blocks(stream) == [
        {"type": "statistic", "id": "z", "value": {"value": "1", "text": "t", "citations": [1, 2]}}
    ]
