"""``GET /providers/`` and ``GET /providers/{slug}/`` — clinicians."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view

from ..filters import ProviderFilterSet
from ..serializers import ProviderDetailSerializer, ProviderSummarySerializer, error_responses
from .base import PublicDetailView, PublicListView


@extend_schema_view(
    get=extend_schema(
        operation_id="providers_list",
        summary="Clinician summaries",
        responses={200: ProviderSummarySerializer(many=True), **error_responses(400)},
        tags=["providers"],
    )
)
class ProviderListView(PublicListView):
    kind = "provider"
    filterset_class = ProviderFilterSet


@extend_schema_view(
    get=extend_schema(
        operation_id="providers_retrieve",
        summary="One clinician with credentials, centers and reviewed articles",
        responses={200: ProviderDetailSerializer, **error_responses(400, 404)},
        tags=["providers"],
    )
)
class ProviderDetailView(PublicDetailView):
    kind = "provider"
