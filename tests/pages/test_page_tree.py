"""Page-tree rules: home under the root, article indexes only under home, articles only under indexes."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import ArticleIndexPage, ArticlePage, HomePage
from tests.factories.pages import site_home


class PageTreeRulesTests(WagtailPageTestCase):
    def test_articles_live_only_under_article_indexes(self):
        self.assertCanCreateAt(ArticleIndexPage, ArticlePage)
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)
        self.assertCanNotCreateAt(ArticlePage, ArticlePage)
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_article_indexes_live_only_under_home(self):
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticleIndexPage, ArticleIndexPage)
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_home_sits_under_the_root_and_holds_indexes(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ArticleIndexPage})

    def test_there_is_only_one_home_page(self):
        root = Page.get_first_root_node()
        self.assertTrue(HomePage.can_create_at(root))
        site_home()
        self.assertFalse(HomePage.can_create_at(root))
