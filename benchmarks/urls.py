"""The product's URLs plus the two baselines the benchmark compares against."""

from django.db import connection
from django.http import HttpResponse
from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PagesAPIViewSet)


def stored_json(request, revision_id: int) -> HttpResponse:
    """The floor: one primary-key SELECT of stored JSON, returned as is."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT content FROM wagtailcore_revision WHERE id = %s", [revision_id])
        row = cursor.fetchone()
    body = row[0] if isinstance(row[0], str | bytes) else __import__("json").dumps(row[0])
    return HttpResponse(body, content_type="application/json")


urlpatterns = [
    path("bench/wagtail-v2/", router.urls),
    path("bench/stored-json/<int:revision_id>/", stored_json),
    path("", include("cms.urls")),
]
