"""The page factories build a valid tree and articles the rest of the suite can rely on."""

import pytest
from wagtail.models import Site

from pages.models import ArticleIndexPage, ArticlePage, HomePage
from tests.factories.pages import ArticlePageFactory, ArticleReferenceFactory, site_home
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db


def test_article_factory_builds_a_valid_article_under_resources():
    article = ArticlePageFactory(topics=["depression"], levels_of_care=["intensive-outpatient"])
    article.refresh_from_db()
    assert isinstance(article.get_parent().specific, ArticleIndexPage)
    assert isinstance(article.get_parent().get_parent().specific, HomePage)
    assert Site.objects.get(is_default_site=True).root_page_id == site_home().pk
    assert article.url_path.endswith("/resources/" + article.slug + "/")
    assert [reference.title for reference in article.references.all()] == ["Major Depression"]
    statistic = next(block for block in article.body if block.block_type == "statistic")
    assert list(statistic.value["citations"]) == [1]
    assert [topic.slug for topic in article.topics.all()] == ["depression"]
    article.full_clean()  # the body it builds passes model validation


def test_factories_reuse_the_home_page_and_index():
    first, second = ArticlePageFactory(), ArticlePageFactory()
    assert first.get_parent().pk == second.get_parent().pk
    assert HomePage.objects.count() == 1
    assert ArticleIndexPage.objects.count() == 1


def test_reference_factory_appends_numbered_references_and_authors_attach():
    provider = ProviderFactory(name="Natalie Foster")
    article = ArticlePageFactory(authors=[provider])
    ArticleReferenceFactory(page=article, title="Second source")
    assert [r.title for r in ArticlePage.objects.get(pk=article.pk).references.all()] == [
        "Major Depression",
        "Second source",
    ]
    assert [a.provider for a in article.authors.all()] == [provider]
