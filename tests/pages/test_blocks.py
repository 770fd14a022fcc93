"""Body blocks: self-documentation, anchors and the validation editors rely on."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail_factories import ImageFactory

from pages.blocks import (
    PARAGRAPH_FEATURES,
    ActionBlock,
    ArticleBodyBlock,
    CallToActionBlock,
    CaptionedImageBlock,
    HeadingBlock,
    ItemListBlock,
    QuestionAnswerBlock,
    StatisticBlock,
    TreatmentCentersBlock,
    cited_reference_errors,
    heading_anchor,
)
from tests.factories.providers import LevelOfCareFactory, TreatmentCenterFactory

BODY = ArticleBodyBlock()
CONTRACT = {
    "heading": {"text", "level", "anchor"},
    "paragraph": None,
    "list": {"style", "items"},
    "call_to_action": {"primary", "secondary"},
    "statistic": {"value", "text", "citations"},
    "treatment_centers": {"heading", "centers", "level_of_care", "state"},
    "program_spotlight": {"center", "heading", "body", "action"},
    "faq": {"heading", "items"},
    "quote": {"quote", "attribution", "provider"},
    "image": {"image", "caption"},
}


def struct_errors(excinfo: pytest.ExceptionInfo) -> dict:
    assert isinstance(excinfo.value, StructBlockValidationError)
    return excinfo.value.block_errors


# --- Self-documentation and the value contract --------------------------------------------------


def test_body_offers_exactly_the_contracted_blocks_with_their_fields():
    assert list(BODY.child_blocks) == list(CONTRACT)
    for name, fields in CONTRACT.items():
        if fields is not None:
            assert set(BODY.child_blocks[name].child_blocks) == fields, name
    assert set(ActionBlock().child_blocks) == {"label", "kind", "page", "url", "phone"}


@pytest.mark.parametrize("name", list(CONTRACT))
def test_every_block_documents_itself(name):
    block = BODY.child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert block.meta.label, name
    assert len(block.get_description()) > 20, name
    assert hasattr(block.meta, "preview_value"), name
    assert block.get_preview_value() is not None
    assert type(block).__doc__ and "\n" not in type(block).__doc__.strip()
    assert block.is_previewable, f"{name} has no block-picker preview"


def test_nested_blocks_document_themselves_too():
    for block in (ActionBlock(), QuestionAnswerBlock()):
        assert block.meta.icon != "placeholder" and block.get_description() and block.get_preview_value()
        assert type(block).__doc__


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(CONTRACT))
def test_every_preview_value_renders(name):
    block = BODY.child_blocks[name]
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_program_spotlight_is_labelled_first_party():
    block = BODY.child_blocks["program_spotlight"]
    assert "first-party" in block.get_description().lower()
    assert "our own" in str(block.meta.label).lower()
    html = block.render(block.get_preview_value())
    assert "first-party recommendation" in html


# --- Headings -----------------------------------------------------------------------------------


def test_heading_anchor_is_slugified_text_when_blank():
    assert heading_anchor({"text": "What an IOP for Depression Really Is", "anchor": ""}) == (
        "what-an-iop-for-depression-really-is"
    )


def test_explicit_anchor_is_normalised_like_derived_ones():
    assert heading_anchor({"text": "Costs", "anchor": "Paying-For_IOP"}) == "paying-for_iop"


def test_explicit_anchor_survives_text_changes():
    before = {"text": "How an Intensive Outpatient Program Works", "anchor": "how-iop-works"}
    after = {**before, "text": "How IOPs Work, Week by Week"}
    assert heading_anchor(before) == heading_anchor(after) == "how-iop-works"


def test_heading_anchor_must_be_a_slug():
    block = HeadingBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"text": "Hi", "level": "2", "anchor": "not a slug!"}))
    assert "anchor" in struct_errors(excinfo)


def test_heading_renders_its_level_and_anchor():
    html = HeadingBlock().render(HeadingBlock().to_python({"text": "Who It Works For", "level": "3", "anchor": ""}))
    assert '<h3 id="who-it-works-for">Who It Works For</h3>' in html


def test_two_headings_with_the_same_anchor_are_refused_on_the_second():
    value = BODY.to_python(
        [
            {"type": "heading", "value": {"text": "Costs", "level": "2", "anchor": ""}},
            {"type": "heading", "value": {"text": "Other", "level": "2", "anchor": "costs"}},
        ]
    )
    with pytest.raises(StreamBlockValidationError) as excinfo:
        BODY.clean(value)
    assert list(excinfo.value.block_errors) == [1]
    assert "anchor" in excinfo.value.block_errors[1].block_errors


def test_unfinished_headings_in_a_draft_do_not_clash():
    value = BODY.to_python(
        [
            {"type": "heading", "value": {"text": "", "level": "2", "anchor": ""}},
            {"type": "heading", "value": {"text": "", "level": "2", "anchor": ""}},
        ]
    )
    assert len(BODY.clean_deferred(value)) == 2


# --- Paragraphs and lists -----------------------------------------------------------------------


def test_paragraph_offers_inline_features_only():
    features = BODY.child_blocks["paragraph"].features
    assert features == PARAGRAPH_FEATURES
    assert {"bold", "italic", "link", "superscript"} <= set(features)
    assert not {"h2", "h3", "image", "embed", "ol", "ul", "document-link"} & set(features)


def test_list_needs_at_least_one_item():
    block = ItemListBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"style": "bulleted", "items": []}))
    assert "items" in struct_errors(excinfo)


# --- Calls to action ----------------------------------------------------------------------------


@pytest.mark.parametrize(("kind", "target_field"), [("page", "page"), ("external", "url"), ("phone", "phone")])
def test_action_kind_needs_its_target_on_that_field(kind, target_field):
    block = ActionBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"label": "Go", "kind": kind}))
    assert set(struct_errors(excinfo)) == {target_field}


@pytest.mark.parametrize("kind", ["intake", "center_locator"])
def test_intake_and_center_locator_need_no_target(kind):
    block = ActionBlock()
    assert block.clean(block.to_python({"label": "Go", "kind": kind}))["kind"] == kind


def test_action_refuses_a_target_its_kind_does_not_use():
    block = ActionBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"label": "Call", "kind": "intake", "url": "https://example.com/"}))
    assert set(struct_errors(excinfo)) == {"url"}


def test_action_needs_label_and_kind_and_a_real_phone_number():
    block = ActionBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({}))
    assert set(struct_errors(excinfo)) == {"label", "kind"}
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"label": "Call", "kind": "phone", "phone": "call us"}))
    assert set(struct_errors(excinfo)) == {"phone"}
    assert block.clean(block.to_python({"label": "Call", "kind": "phone", "phone": "988"}))["phone"] == "988"


def test_secondary_action_is_optional_but_validated_when_started():
    block = CallToActionBlock()
    primary = {"label": "Start", "kind": "intake"}
    assert block.clean(block.to_python({"primary": primary, "secondary": {}}))["secondary"].is_empty
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"primary": primary, "secondary": {"label": "Call us"}}))
    assert set(struct_errors(excinfo)) == {"secondary"}
    assert set(excinfo.value.block_errors["secondary"].block_errors) == {"kind"}


@override_settings(FRONTEND_INTAKE_PATH="/start/", FRONTEND_CENTER_LOCATOR_PATH="/find/")
def test_action_static_href_uses_frontend_settings_and_leaves_pages_to_the_api():
    block = ActionBlock()

    def href(data):
        return block.to_python(data).static_href()

    assert href({"label": "a", "kind": "intake"}) == "/start/"
    assert href({"label": "a", "kind": "center_locator"}) == "/find/"
    assert href({"label": "a", "kind": "phone", "phone": "(602) 555-0100"}) == "tel:6025550100"
    assert href({"label": "a", "kind": "external", "url": "https://988lifeline.org/"}) == "https://988lifeline.org/"
    assert href({"label": "a", "kind": "page", "page": None}) is None


# --- Statistics and citations -------------------------------------------------------------------


def test_statistic_without_citation_is_an_error_on_its_citations():
    block = StatisticBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"value": "21 million", "text": "adults", "citations": []}))
    assert set(struct_errors(excinfo)) == {"citations"}


def test_statistic_without_citation_saves_as_a_draft_but_is_refused_on_submit():
    value = BODY.to_python([{"type": "statistic", "value": {"value": "8.3%", "text": "of adults", "citations": []}}])
    BODY.clean_deferred(value)  # what "Save draft" runs: the article form lists it as a warning instead
    with pytest.raises(StreamBlockValidationError) as excinfo:
        BODY.clean(value)  # what submit and publish run
    assert "citations" in excinfo.value.block_errors[0].block_errors


def test_citation_numbers_must_match_references_and_the_error_points_at_the_number():
    body = BODY.to_python(
        [
            {"type": "paragraph", "value": "<p>Intro</p>"},
            {"type": "statistic", "value": {"value": "21 million", "text": "adults", "citations": [1, 3]}},
        ]
    )
    assert cited_reference_errors(body, reference_count=3) is None
    error = cited_reference_errors(body, reference_count=1)
    assert list(error.block_errors) == [1]
    citations_error = error.block_errors[1].block_errors["citations"]
    assert isinstance(citations_error, ListBlockValidationError)
    assert list(citations_error.block_errors) == [1]
    assert "no reference 3" in citations_error.block_errors[1].messages[0]


# --- Treatment centers --------------------------------------------------------------------------


@pytest.mark.django_db
def test_treatment_centers_need_chosen_centers_or_a_filter():
    block = TreatmentCentersBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"heading": "Our Treatment Centers", "centers": []}))
    assert set(struct_errors(excinfo)) == {"centers"}

    center = TreatmentCenterFactory()
    assert block.clean(block.to_python({"centers": [center.pk]}))["centers"][0] == center
    assert block.clean(block.to_python({"state": "AZ"}))["state"] == "AZ"
    iop = LevelOfCareFactory(slug="intensive-outpatient")
    assert block.clean(block.to_python({"level_of_care": iop.pk}))["level_of_care"] == iop


@pytest.mark.django_db
def test_treatment_centers_refuse_ignored_filters_and_bad_states():
    block = TreatmentCentersBlock()
    center = TreatmentCenterFactory()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"centers": [center.pk], "state": "AZ"}))
    assert set(struct_errors(excinfo)) == {"state"}
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python({"state": "az"}))
    assert set(struct_errors(excinfo)) == {"state"}


# --- Images -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_image_without_alt_text_and_not_decorative_is_refused_for_publishing():
    image = ImageFactory()
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""})
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    image_error = struct_errors(excinfo)["image"]
    assert "alt_text" in image_error.block_errors


@pytest.mark.django_db
@pytest.mark.parametrize(
    "image_value",
    [{"alt_text": "A counselor with a client", "decorative": False}, {"alt_text": "", "decorative": True}],
)
def test_image_with_alt_text_or_marked_decorative_is_accepted(image_value):
    image = ImageFactory()
    block = CaptionedImageBlock()
    cleaned = block.clean(block.to_python({"image": {"image": image.pk, **image_value}, "caption": "Group session"}))
    assert cleaned["image"].pk == image.pk
    assert cleaned["image"].contextual_alt_text == image_value["alt_text"]
