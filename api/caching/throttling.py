"""DRF throttling applied to responses served from the shared cache.

A cached response is served before any DRF view runs, so the view's throttles would never see it and a
burst against a cached URL would never hear 429. The cache middleware therefore runs the configured default
throttle classes itself on every cache hit (a miss is throttled by the view as usual, once).
"""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.request import Request
from rest_framework.settings import api_settings


class _NoView:
    """Stand-in for the view a throttle may inspect (``ScopedRateThrottle`` reads ``throttle_scope``)."""


def throttle_wait(request: HttpRequest) -> float | None:
    """Seconds the client must wait when any default throttle refuses ``request``; None when allowed."""
    throttles = [throttle_class() for throttle_class in api_settings.DEFAULT_THROTTLE_CLASSES]
    if not throttles:
        return None
    drf_request = Request(request, authenticators=[])
    view = _NoView()
    refused = [throttle for throttle in throttles if not throttle.allow_request(drf_request, view)]
    if not refused:
        return None
    return max((wait for throttle in refused if (wait := throttle.wait()) is not None), default=0.0)
