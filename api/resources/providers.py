"""``GET /providers/`` and ``GET /providers/{slug}/`` — clinicians."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema

from providers.models import Provider

from ..filters import ProviderFilterSet
from ..representations.providers import (
    PROVIDER_SELECT_RELATED,
    provider_prefetches,
    represent_provider_detail,
    represent_provider_summaries,
)
from ..serializers import ProviderDetailSerializer, ProviderSummarySerializer, error_responses
from .base import PublicDetailView, PublicListView


def provider_queryset():
    return Provider.objects.public().select_related(*PROVIDER_SELECT_RELATED).prefetch_related(*provider_prefetches())


class ProviderListView(PublicListView):
    filterset_class = ProviderFilterSet
    list_tag = "providers"

    def get_queryset(self):
        return provider_queryset()

    def represent(self, objects, request):
        return represent_provider_summaries(objects, request)

    @extend_schema(
        operation_id="providers_list",
        summary="Clinician summaries",
        responses={200: ProviderSummarySerializer(many=True), **error_responses(400)},
        tags=["providers"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ProviderDetailView(PublicDetailView):
    def get_queryset(self):
        return provider_queryset()

    def represent(self, obj, request):
        return represent_provider_detail(obj, request)

    @extend_schema(
        operation_id="providers_retrieve",
        summary="One clinician with credentials, centers and reviewed articles",
        responses={200: ProviderDetailSerializer, **error_responses(400, 404)},
        tags=["providers"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
