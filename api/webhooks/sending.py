"""The one send path of a signed webhook: body, Standard Webhooks headers, SSRF re-check, one pinned POST.

Both event deliveries and ``webhooks test`` pings go through :func:`send`; only the body and message id differ.
"""

from __future__ import annotations

import json
import time

from django.conf import settings
from django.utils import timezone

from api.events.models import ContentEvent

from .models import WebhookEndpoint
from .signing import signature_headers
from .targets import TargetRefused, resolve_target
from .transport import SendResult, post

USER_AGENT = "Verity-Webhooks/1"


def payload_for(event: ContentEvent) -> bytes:
    """The signed body: what changed and what to purge, never the content itself."""
    data = {
        "event_id": event.pk,
        "object_type": event.object_type,
        "id": _as_int(event.object_id),
        "slug": event.slug,
        "paths": event.paths,
        "cache_tags": event.cache_tags,
    }
    if event.data:
        data["details"] = event.data
    body = {"type": event.event_type, "timestamp": event.created_at.isoformat(), "data": data}
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


def test_payload(endpoint: WebhookEndpoint) -> bytes:
    body = {"type": "webhook.test", "timestamp": timezone.now().isoformat(), "data": {"endpoint_id": endpoint.pk}}
    return json.dumps(body, separators=(",", ":")).encode()


def _as_int(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def send(url: str, secret: str, message_id: str, body: bytes) -> SendResult:
    """Sign ``body`` as message ``message_id`` with ``secret`` and POST it to ``url`` (checked again now:
    DNS may have changed since the URL was saved). Redirects are failures, never followed."""
    headers = {
        **signature_headers(secret, message_id, int(time.time()), body),
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
    }
    try:
        target = resolve_target(url)
    except TargetRefused as refusal:
        return SendResult(None, f"Refused: {refusal}", "", 0)
    result = post(target, body, headers, timeout=settings.WEBHOOKS_TIMEOUT_SECONDS)
    if result.status is not None and 300 <= result.status < 400:
        return SendResult(result.status, "Redirects are not followed.", result.excerpt, result.duration_ms)
    return result
