from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from . import views
from .resources.articles import ArticleDetailView, ArticleListView
from .resources.centers import CenterDetailView, CenterListView
from .resources.changes import ChangeFeedView
from .resources.preview import PreviewView
from .resources.providers import ProviderDetailView, ProviderListView
from .resources.routes import RouteView
from .resources.search import SearchView
from .resources.sitemap import SitemapView
from .resources.vocabularies import TopicListView, VocabularyListView

app_name = "api"

v1 = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("articles/", ArticleListView.as_view(), name="article-list"),
    path("articles/<str:slug>/", ArticleDetailView.as_view(), name="article-detail"),
    path("providers/", ProviderListView.as_view(), name="provider-list"),
    path("providers/<str:slug>/", ProviderDetailView.as_view(), name="provider-detail"),
    path("centers/", CenterListView.as_view(), name="center-list"),
    path("centers/<str:slug>/", CenterDetailView.as_view(), name="center-detail"),
    path("topics/", TopicListView.as_view(), name="topic-list"),
    path("vocabularies/<str:kind>/", VocabularyListView.as_view(), name="vocabulary-list"),
    path("routes/", RouteView.as_view(), name="routes"),
    path("sitemap/", SitemapView.as_view(), name="sitemap"),
    path("search/", SearchView.as_view(), name="search"),
    path("changes/", ChangeFeedView.as_view(), name="changes"),
    path("preview/", PreviewView.as_view(), name="preview"),
]

urlpatterns = [path("v1/", include(v1))]
