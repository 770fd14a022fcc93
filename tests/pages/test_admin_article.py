"""Writing articles in the Wagtail admin: validation tells editors what to fix, and nothing they typed is lost."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from wagtail.blocks.base import get_error_json_data
from wagtail.models import Page
from wagtail_factories import ImageFactory

from pages.models import ArticlePage
from tests.factories.pages import ArticleIndexPageFactory, ArticlePageFactory

from .admin_forms import article_form, bullet_list, heading, image, paragraph, reference, statistic

pytestmark = pytest.mark.django_db

SUBMIT = {"action-submit": "submit"}  # "Submit for clinical review": full validation (a draft save defers it)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def index():
    return ArticleIndexPageFactory()


def add_url(parent: Page) -> str:
    return reverse("wagtailadmin_pages:add", args=("pages", "articlepage", parent.pk))


def edit_url(page: Page) -> str:
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def body_error_json(response) -> str:
    """The body widget's error payload, as the admin renders it into the editor next to the offending block."""
    form = response.context["form"]
    assert "body" in form.errors, form.errors
    return json.dumps(get_error_json_data(form.errors.as_data()["body"][0]), ensure_ascii=False)


def test_creating_an_article_saves_a_draft_with_its_blocks_and_references(editor_client, index):
    body = [
        paragraph("<p>Living with depression can feel exhausting.</p>"),
        heading("What an IOP Really Is"),
        statistic("21 million", "adults in the U.S. experience a major depressive episode", [1]),
        bullet_list(["Group therapy", "Skills training"]),
    ]
    response = editor_client.post(add_url(index), article_form(body=body))
    assert response.status_code == 302, response.context["form"].errors if response.context else response

    article = ArticlePage.objects.get(slug="iop-for-depression", locale__language_code="en")
    assert not article.live
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["paragraph", "heading", "statistic", "list"]
    assert list(draft.body[2].value["citations"]) == [1]
    assert [ref.title for ref in article.references.all()] == ["Major Depression"]


def test_statistic_without_citation_keeps_everything_the_editor_typed(editor_client, index):
    body = [paragraph("<p>My carefully written intro.</p>"), statistic("8.3%", "of all adults", [])]
    response = editor_client.post(add_url(index), {**article_form(title="Unsaved work", body=body), **SUBMIT})

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="iop-for-depression").exists()
    assert "This statistic needs a source: add a reference below and cite it" in body_error_json(response)
    html = response.content.decode()
    assert "Unsaved work" in html
    assert "My carefully written intro." in html  # the body is re-rendered into the editor
    assert "8.3%" in html


def test_citing_a_missing_reference_is_refused_and_the_live_draft_is_untouched(editor_client):
    article = ArticlePageFactory(title="Original title")
    article.save_revision()
    revisions_before = article.revisions.count()
    ref = article.references.get()

    data = article_form(
        title="Edited title",
        slug=article.slug,
        body=[statistic("21 million", "adults", [1, 2])],
        references=[reference(ref.title, pk=ref.pk)],
        initial_references=1,
    )
    response = editor_client.post(edit_url(article), {**data, **SUBMIT})

    assert response.status_code == 200
    errors = json.loads(body_error_json(response))
    # Shown on the second citation of the first block, where the editor typed it.
    citation_error = errors["blockErrors"]["0"]["blockErrors"]["citations"]["blockErrors"]["1"]
    assert citation_error["messages"] == [
        "There is no reference 2: this article has 1 reference. Add it under References below, or fix the number."
    ]
    assert "Edited title" in response.content.decode()
    assert article.revisions.count() == revisions_before
    assert article.get_latest_revision_as_object().title == "Original title"


def test_adding_a_reference_and_citing_it_in_the_same_edit_works(editor_client):
    article = ArticlePageFactory()
    ref = article.references.get()
    data = article_form(
        slug=article.slug,
        body=[statistic("21 million", "adults", [1, 2])],
        references=[reference(ref.title, pk=ref.pk), reference("Second source")],
        initial_references=1,
    )
    response = editor_client.post(edit_url(article), data)
    assert response.status_code == 302, response.context["form"].errors
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert list(draft.body[0].value["citations"]) == [1, 2]


def test_deleting_the_cited_reference_is_refused(editor_client):
    article = ArticlePageFactory()
    ref = article.references.get()
    data = article_form(
        slug=article.slug,
        body=[statistic("21 million", "adults", [1])],
        references=[reference(ref.title, pk=ref.pk, delete=True)],
        initial_references=1,
    )
    response = editor_client.post(edit_url(article), {**data, **SUBMIT})
    assert response.status_code == 200
    assert "There is no reference 1" in body_error_json(response)
    assert article.references.count() == 1


def test_image_without_alt_text_can_be_drafted_but_not_published(editor_client, index):
    picture = ImageFactory()
    body = [paragraph("<p>Intro</p>"), image(picture.pk)]

    publish = editor_client.post(add_url(index), {**article_form(body=body), "action-publish": "publish"})
    assert publish.status_code == 200
    assert "alt text" in body_error_json(publish).lower()
    assert not ArticlePage.objects.exists()

    draft = editor_client.post(add_url(index), article_form(body=body))
    assert draft.status_code == 302
    assert not ArticlePage.objects.get().live


def test_decorative_image_can_be_published_past_the_block_rules(editor_client, index):
    picture = ImageFactory()
    body = [paragraph("<p>Intro</p>"), image(picture.pk, decorative=True)]
    response = editor_client.post(add_url(index), {**article_form(body=body), "action-publish": "publish"})
    # Block validation passes; whether the (unsigned) revision may go live is the clinical-review gate's call.
    form = response.context["form"] if response.status_code == 200 else None
    assert form is None or "body" not in form.errors


def test_every_new_edit_starts_as_a_substantive_change(editor_client):
    article = ArticlePageFactory()
    article.change_kind = ArticlePage.ChangeKind.MINOR
    article.save_revision()

    response = editor_client.get(edit_url(article))
    assert response.status_code == 200
    form = response.context["form"]
    assert article.get_latest_revision_as_object().change_kind == "minor"
    assert form["change_kind"].value() == "substantive"


def test_preview_renders_the_title_summary_and_every_block(editor_client):
    article = ArticlePageFactory(title="IOP for Depression", summary="What to expect and how it works.")
    response = editor_client.post(
        reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,)),
        article_form(
            title="IOP for Depression (draft)",
            slug=article.slug,
            body=[
                heading("What an IOP Really Is"),
                paragraph("<p>Several sessions each week.</p>"),
                statistic("21 million", "adults", [1]),
            ],
            references=[reference("Major Depression", pk=article.references.get().pk)],
            initial_references=1,
        ),
    )
    assert response.json()["is_valid"] is True
    preview = editor_client.get(reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,)))
    html = preview.content.decode()
    assert preview.status_code == 200
    assert "IOP for Depression (draft)" in html
    assert '<h2 id="what-an-iop-really-is">What an IOP Really Is</h2>' in html
    assert "Several sessions each week." in html
    assert '<a href="#reference-1">[1]</a>' in html
    assert 'id="reference-1"' in html and "Major Depression" in html


PREVIEW_TEXT = {
    "heading": "What an IOP for Depression Really Is",
    "paragraph": "structure, support, and guidance",
    "list": "Dialectical behavior therapy (DBT) for regulating emotions",
    "call_to_action": "Get support that fits you",
    "statistic": "21 million",
    "treatment_centers": "Our Treatment Centers",
    "program_spotlight": "first-party recommendation",
    "faq": "Can I keep working during an IOP?",
    "quote": "we meet you exactly where you are",
    "image": "A group session at one of our outpatient centers.",
}


@pytest.mark.parametrize("name", list(PREVIEW_TEXT))
def test_block_picker_preview_renders_each_block(editor_client, name):
    block = ArticlePage.body.field.stream_block.child_blocks[name]
    response = editor_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert f"block-{name}" in html
    assert PREVIEW_TEXT[name] in html
    assert ".statistic" in html  # styled like the article preview


def test_cms_host_never_renders_pages_publicly(client):
    article = ArticlePageFactory()  # live, so Wagtail would serve it
    unknown = client.get("/resources/no-such-article/")
    for page in (article, article.get_parent(), article.get_parent().get_parent()):
        path = page.specific.get_url_parts()[2]
        response = client.get(path)
        assert (response.status_code, response.content) == (404, unknown.content), path


def test_a_draft_with_content_problems_saves_and_lists_them_as_warnings(editor_client, index):
    from django.contrib.messages import get_messages

    picture = ImageFactory()
    body = [
        heading("Getting help"),
        statistic("8.3%", "of all adults", []),
        statistic("21 million", "adults", [2]),
        image(picture.pk),
        heading("Getting help"),
    ]
    response = editor_client.post(add_url(index), article_form(body=body), follow=True)

    assert ArticlePage.objects.get().get_latest_revision() is not None  # the draft was saved
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "fix these before submitting for clinical review" in said
    assert "Block 2, Statistic “8.3%”: This statistic needs a source" in said
    assert "Block 3, Statistic “21 million”: There is no reference 2" in said
    assert "Block 4, Image: This image needs alt text" in said
    assert "Block 5, Heading “Getting help”: Another heading already uses the anchor “getting-help”" in said
