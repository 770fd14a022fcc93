"""Content API models: the content event log and webhooks (defined in their packages, registered here)."""

from api.events.models import ContentEvent, EventType
from api.published.models import RepresentationFacet, StoredRepresentation
from api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "ContentEvent",
    "EventType",
    "RepresentationFacet",
    "StoredRepresentation",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
