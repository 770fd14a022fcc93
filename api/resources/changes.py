"""``GET /api/v1/changes/?since=<cursor>&limit=`` — the ordered feed of publish, unpublish and delete events.

A search index or static build keeps ``next_cursor`` and asks again later with ``since=<next_cursor>``; it
receives each event once, in the order the events were committed (see :mod:`api.events.models`). Cursors are
opaque strings; ``has_more`` says whether to ask again immediately. Compliance notices (``review.due``,
``credential.expiring``) go to webhooks only and are not part of this public feed.
"""

from __future__ import annotations

import base64
import binascii
import re

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param
from rest_framework.views import APIView

from api.caching import tag_response
from api.errors import InvalidParameter
from api.events.models import PUBLICATION_EVENT_TYPES, ContentEvent
from api.events.subjects import CHANGE_FEED_TAG
from api.pagination import positive_integer
from api.published.registry import KIND_KEYS
from api.serializers.common import ErrorSerializer

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
ALLOWED_PARAMETERS = {"since", "limit"}
_CURSOR_PREFIX = "c1."
_CURSOR_BODY = re.compile(r"^c1\.(0|[1-9][0-9]{0,18})$")


def encode_cursor(event_id: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{event_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The event id after which to continue; InvalidParameter naming ``since`` for anything not ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raw = ""
    match = _CURSOR_BODY.match(raw)
    if match is None or encode_cursor(int(match.group(1))) != cursor:
        raise InvalidParameter("since", "'since' must be a cursor returned as 'next_cursor' by this feed.")
    return int(match.group(1))


class ChangeEventSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text="Position of the event in the feed (increasing).")
    type = serializers.CharField(source="event_type", help_text="e.g. article.published, center.deleted")
    object_type = serializers.ChoiceField(choices=KIND_KEYS)
    object_id = serializers.IntegerField()
    slug = serializers.CharField()
    paths = serializers.ListField(child=serializers.CharField(), help_text="Frontend paths affected.")
    cache_tags = serializers.ListField(child=serializers.CharField(), help_text="Cache tags to purge.")
    occurred_at = serializers.DateTimeField(source="created_at")


class ChangeFeedSerializer(serializers.Serializer):
    results = ChangeEventSerializer(many=True)
    next_cursor = serializers.CharField(help_text="Pass as ?since= to continue after the last event returned.")
    has_more = serializers.BooleanField(help_text="More events are waiting: ask again now with next_cursor.")
    next = serializers.CharField(allow_null=True, help_text="Path of the next page when has_more, else null.")


class ChangeFeedView(APIView):
    @extend_schema(
        operation_id="changes_list",
        summary="Change feed",
        description=(
            "Publish, unpublish and delete events in commit order, for incremental sync. Start without `since`, "
            "keep `next_cursor`, and poll with `?since=<next_cursor>`. Each event lists the frontend paths and "
            "cache tags affected, never the content."
        ),
        parameters=[
            OpenApiParameter("since", str, description="Opaque cursor from a previous `next_cursor`."),
            OpenApiParameter("limit", int, description=f"Events per page, 1–{MAX_LIMIT} (default {DEFAULT_LIMIT})."),
        ],
        responses={
            200: ChangeFeedSerializer,
            400: OpenApiResponse(ErrorSerializer, description="Bad `since` or `limit`, or an unknown parameter."),
        },
    )
    def get(self, request: Request) -> Response:
        for name in request.query_params:
            if name not in ALLOWED_PARAMETERS:
                raise InvalidParameter(name, f"Unknown parameter '{name}'. Allowed: limit, since.")
        since = request.query_params.get("since")
        after = decode_cursor(since) if since is not None else 0
        limit = positive_integer(request, "limit", DEFAULT_LIMIT, MAX_LIMIT)
        events = list(
            ContentEvent.objects.filter(id__gt=after, event_type__in=PUBLICATION_EVENT_TYPES).order_by("id")[
                : limit + 1
            ]
        )
        has_more = len(events) > limit
        events = events[:limit]
        next_cursor = encode_cursor(events[-1].pk if events else after)
        tag_response(request, [CHANGE_FEED_TAG], events[-1].created_at if events else None)
        next_link = replace_query_param(request.get_full_path(), "since", next_cursor) if has_more else None
        return Response(
            {
                "results": ChangeEventSerializer(events, many=True).data,
                "next_cursor": next_cursor,
                "has_more": has_more,
                "next": next_link,
            }
        )
