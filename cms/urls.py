from django.conf import settings
from django.contrib import admin
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.errors import json_bad_request, json_page_not_found, json_server_error
from cms import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/", include("api.urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
else:
    from django.views.static import serve

    # Media is normally served by object storage or the proxy; keep it reachable for single-box installs.
    urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]


def no_public_pages(request: HttpRequest, page_path: str) -> HttpResponse:
    """Verity is headless: the CMS host serves no public pages. Every page URL — unknown, draft, expired,
    unsigned, restricted or live — gets this same 404, so nothing reveals what exists; the public site is the
    frontend, which reads the API. Wagtail still reverses page URLs through this route's name."""
    raise Http404  # the same handler404 answer as a URL that matches nothing


# Last: replaces Wagtail's own page serving (and its password/login forms for restricted pages). Like Wagtail's
# pattern it only takes "" and paths ending in "/", so APPEND_SLASH still redirects "/admin" to "/admin/".
urlpatterns += [re_path(r"^(|.*/)$", no_public_pages, name="wagtail_serve")]

handler400 = json_bad_request
handler404 = json_page_not_found
handler500 = json_server_error
