from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from . import views
from .resources.changes import ChangeFeedView
from .resources.preview import PreviewView

app_name = "api"

v1 = [
    path("", views.ApiRootView.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    path("changes/", ChangeFeedView.as_view(), name="changes"),
    path("preview/", PreviewView.as_view(), name="preview"),
]

urlpatterns = [path("v1/", include(v1))]
