"""Admin view behind the "Preview on frontend" buttons: mint a preview token and send the editor to the frontend.

Without a frontend (``FRONTEND_PREVIEW_URL`` empty, the development default) the same view shows the preview JSON
readably in the admin, with the API request and token a frontend developer would use.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Page

from .events.subjects import subject_for
from .preview import latest_revision, mint_preview_token_for_user, preview_api_path, preview_url, represent_preview


def frontend_preview_url(obj) -> str:
    """Admin URL that opens ``obj``'s latest saved revision on the frontend."""
    content_type = ContentType.objects.get_for_model(obj)
    return reverse("api_frontend_preview", args=[content_type.pk, str(obj.pk)])


def frontend_preview(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    """Redirect to ``FRONTEND_PREVIEW_URL`` with a token for the object's latest revision.

    Users who may not edit the object get 403 and no token.
    """
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404("Unknown content type.") from None
    if model is None or subject_for(model) is None:
        raise Http404("This kind of object has no frontend preview.")
    try:
        obj = model._default_manager.get(pk=object_id)
    except (ObjectDoesNotExist, ValueError):
        raise Http404("No such object.") from None
    if isinstance(obj, Page):
        obj = obj.specific
    revision = latest_revision(obj)
    try:
        token = mint_preview_token_for_user(request.user, obj, revision)
    except PermissionDenied as denied:
        # A plain 403: Wagtail's admin would turn PermissionDenied into a redirect to the dashboard.
        return HttpResponseForbidden(str(denied), content_type="text/plain; charset=utf-8")
    except ValueError as error:
        messages.error(request, str(error))
        return HttpResponseRedirect(request.headers.get("Referer") or reverse("wagtailadmin_home"))
    target = preview_url(token)
    response = HttpResponseRedirect(target) if target else _preview_page(request, obj, revision, token)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _preview_page(request: HttpRequest, obj, revision, token: str) -> HttpResponse:
    draft = revision.as_object()  # what the frontend would get through the token: the revision, not the live row
    data = represent_preview(draft, revision, request)
    api_url = request.build_absolute_uri(preview_api_path(token))
    context = {
        "object": obj,
        "revision": revision,
        "data": data,
        "json": json.dumps(data, indent=2, ensure_ascii=False),
        "api_url": api_url,
        "token": token,
        "heading": data.get("title") or data.get("name") or str(draft),
        "header_title": f"Preview: {draft}",
    }
    return render(request, "api/admin/preview.html", context)
