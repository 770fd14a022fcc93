"""Model-level rules of articles that hold on every save path, not only in the admin form."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from pages.models import ArticleIndexPage, ArticlePage, is_article
from tests.factories.pages import ArticlePageFactory, article_body
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db


def test_saving_an_article_that_cites_a_missing_reference_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        ArticlePageFactory(body=article_body(cite=[1, 2]))  # one reference only
    assert "body" in excinfo.value.message_dict
    assert not ArticlePage.objects.exists()


def test_full_clean_names_the_missing_reference_on_the_statistic():
    article = ArticlePageFactory()
    article.body = article_body(cite=[3])
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    stream_error = excinfo.value.error_dict["body"][0]
    statistic_index = next(i for i, block in enumerate(article.body) if block.block_type == "statistic")
    citations_error = stream_error.block_errors[statistic_index].block_errors["citations"]
    assert "no reference 3" in citations_error.block_errors[0].messages[0]


def test_citations_resolve_against_in_memory_references_before_the_first_save():
    article = ArticlePageFactory(body=article_body(cite=[1, 2]), references=[{"title": "A"}, {"title": "B"}])
    assert [reference.title for reference in article.references.all()] == ["A", "B"]
    assert [reference.sort_order for reference in article.references.all()] == [0, 1]


def _forms_of_the_question():
    """Every form "is this an article?" is asked in: (label, builder, expected)."""
    return [
        ("specific page", lambda: ArticlePageFactory(), True),
        ("generic Page row", lambda: Page.objects.get(pk=ArticlePageFactory().pk), True),
        ("new unsaved page", lambda: ArticlePage(title="New"), True),
        ("page class", lambda: ArticlePage, True),
        ("revision", lambda: ArticlePageFactory().save_revision(), True),
        ("generic Page of the index", lambda: Page.objects.get(pk=ArticlePageFactory().get_parent().pk), False),
        ("index page class", lambda: ArticleIndexPage, False),
        ("Page class", lambda: Page, False),
        ("clinician", lambda: ProviderFactory(), False),
        ("clinician revision", lambda: ProviderFactory().save_revision(), False),
        ("nothing", lambda: None, False),
    ]


@pytest.mark.parametrize(
    ("label", "build", "expected"), _forms_of_the_question(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_is_article_answers_every_form_of_the_question(label, build, expected):
    assert is_article(build()) is expected, label
