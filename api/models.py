"""Content API models: cache tag versions, the content event log and webhooks (defined in their packages, registered here)."""

from api.caching.models import CacheTagVersion
from api.events.models import ContentEvent, EventType
from api.published.models import RepresentationFacet, StoredRepresentation
from api.webhooks.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint

__all__ = [
    "CacheTagVersion",
    "ContentEvent",
    "EventType",
    "RepresentationFacet",
    "StoredRepresentation",
    "WebhookAttempt",
    "WebhookDelivery",
    "WebhookEndpoint",
]
