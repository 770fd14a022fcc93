"""``GET /centers/`` (with ``near`` + ``radius_km``) and ``GET /centers/{slug}/`` — treatment centers."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from ..errors import InvalidParameter
from ..filters import CenterFilterSet
from ..filters.geo import DEFAULT_RADIUS_KM, MAX_RADIUS_KM, parse_circle, within
from ..published.reads import summaries
from ..published.responses import RawJSON
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


@extend_schema_view(
    get=extend_schema(
        operation_id="centers_list",
        summary="Treatment-center summaries",
        parameters=NEAR_PARAMETERS,
        responses={200: CenterSummarySerializer(many=True), **error_responses(400)},
        tags=["centers"],
    )
)
class CenterListView(PublicListView):
    kind = "center"
    filterset_class = CenterFilterSet

    def filter_queryset(self, queryset):
        params = self.request.query_params
        circle = parse_circle(params.get("near"), params.get("radius_km"))
        queryset = super().filter_queryset(queryset)
        if circle is None:
            return queryset
        if "ordering" in params:
            raise InvalidParameter("ordering", "'ordering' cannot be combined with 'near', which sorts by distance.")
        # Rows inside the bounding box, then the exact circle (nearest first) in Python.
        return within(summaries(queryset, "title", "latitude", "longitude"), circle, name_field="title")

    def item(self, row) -> RawJSON:
        summary = RawJSON(row.summary_json)
        return summary.with_member("distance_km", row.distance_km) if hasattr(row, "distance_km") else summary


@extend_schema_view(
    get=extend_schema(
        operation_id="centers_retrieve",
        summary="One treatment center with programs, hours, contacts, licenses and accreditations",
        responses={200: CenterDetailSerializer, **error_responses(400, 404)},
        tags=["centers"],
    )
)
class CenterDetailView(PublicDetailView):
    kind = "center"
