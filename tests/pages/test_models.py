"""Model-level rules of articles that hold on every save path, not only in the admin form."""

import pytest
from django.core.exceptions import ValidationError

from pages.models import ArticlePage
from tests.factories.pages import ArticlePageFactory, article_body

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
