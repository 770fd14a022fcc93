"""Turn clinical-review refusals that reach an admin view into an error message instead of a 500.

Admin paths check the gate early through hooks (``wagtail_hooks``); this is the net under every other admin
path (workflow actions, copies, third-party views): the refused action has already been rolled back by its own
transaction or never written (the gate raises in ``pre_save``), so the editor is sent back where they came from
with the refusal's message. Requests outside the admin are left alone: the error propagates as usual.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin import messages

from .errors import ReviewError


class ReviewErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, ReviewError):
            return None
        admin_home = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_home):
            return None
        messages.error(request, str(exception))
        referer = request.headers.get("referer", "")
        target = referer if url_has_allowed_host_and_scheme(referer, {request.get_host()}) else admin_home
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # Wagtail's workflow modal follows {"step": "success", "redirect": …}; the message shows after reload.
            return JsonResponse({"step": "success", "redirect": target, "error": str(exception)})
        return redirect(target)
