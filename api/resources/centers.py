"""``GET /centers/`` (with ``near`` + ``radius_km``) and ``GET /centers/{slug}/`` — treatment centers."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from providers.models import TreatmentCenter

from ..errors import InvalidParameter
from ..filters import CenterFilterSet
from ..filters.geo import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, parse_circle, within
from ..representations.centers import center_prefetches, represent_center_detail, represent_center_summaries
from ..serializers import CenterDetailSerializer, CenterSummarySerializer, error_responses
from .base import PublicDetailView, PublicListView

NEAR_PARAMETERS = [
    OpenApiParameter(
        "near",
        OpenApiTypes.STR,
        description="`latitude,longitude` in decimal degrees (e.g. `33.45,-112.07`): only centers within "
        "`radius_km`, nearest first, each with `distance_km`. Not combinable with `ordering`.",
        pattern=r"^-?\d{1,3}(\.\d{1,10})?,-?\d{1,3}(\.\d{1,10})?$",
    ),
    OpenApiParameter(
        "radius_km",
        OpenApiTypes.NUMBER,
        description=f"Search radius around `near` in kilometres, greater than 0 and at most {MAX_RADIUS_KM:g} "
        f"(default {DEFAULT_RADIUS_KM:g}). Requires `near`.",
    ),
]


class CenterListView(PublicListView):
    filterset_class = CenterFilterSet
    list_tag = "centers"

    def get_queryset(self):
        return TreatmentCenter.objects.public().prefetch_related(*center_prefetches())

    def filter_queryset(self, queryset):
        params = self.request.query_params
        circle = parse_circle(params.get("near"), params.get("radius_km"))
        queryset = super().filter_queryset(queryset)
        if circle is None:
            return queryset
        if "ordering" in params:
            raise InvalidParameter("ordering", "'ordering' cannot be combined with 'near', which sorts by distance.")
        # Rows inside the bounding box only (no prefetch yet); the page's rows get their programs below.
        return within(queryset.prefetch_related(None), circle)

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        if page and isinstance(queryset, list):
            from django.db.models import prefetch_related_objects

            prefetch_related_objects(page, *center_prefetches())
        return page

    def represent(self, objects, request):
        return represent_center_summaries(objects, request)

    @extend_schema(
        operation_id="centers_list",
        summary="Treatment-center summaries",
        parameters=NEAR_PARAMETERS,
        responses={200: CenterSummarySerializer(many=True), **error_responses(400)},
        tags=["centers"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class CenterDetailView(PublicDetailView):
    def get_queryset(self):
        return TreatmentCenter.objects.public().prefetch_related(
            *center_prefetches(), "hours", "licenses", "contacts", "accreditations"
        )

    def represent(self, obj, request):
        return represent_center_detail(obj, request, prefetched=True)

    @extend_schema(
        operation_id="centers_retrieve",
        summary="One treatment center with programs, hours, contacts, licenses and accreditations",
        responses={200: CenterDetailSerializer, **error_responses(400, 404)},
        tags=["centers"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
