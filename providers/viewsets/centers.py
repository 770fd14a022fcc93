"""Treatment-center admin: listings show location, programs, intake status and publication state."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.admin.ui.tables import Column, DateColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import TreatmentCenter
from .columns import AcceptingColumn, LocationColumn, ProgramsColumn, PublicationStatusColumn, with_publication_status
from .filters import TreatmentCenterFilterSet


class TreatmentCenterViewSet(SnippetViewSet):
    """Treatment centers, with drafts, revisions, locking and preview (from the model's mixins)."""

    model = TreatmentCenter
    icon = "site"
    menu_label = "Treatment centers"
    menu_name = "treatment_centers"
    url_prefix = "providers/centers"
    list_display = [
        "name",
        LocationColumn(),
        ProgramsColumn(),
        AcceptingColumn(),
        DateColumn("listing_verified_on", label="Listing verified"),
        Column(
            "is_sample_listing", label="Sample", accessor=lambda center: "Sample" if center.is_sample_listing else ""
        ),
        PublicationStatusColumn(),
        UpdatedAtColumn(),
    ]
    filterset_class = TreatmentCenterFilterSet
    search_fields = ["name", "slug", "city", "postal_code"]
    search_backend_name = None
    ordering = ["name"]
    inspect_view_enabled = True

    def get_queryset(self, request) -> QuerySet[TreatmentCenter]:
        return with_publication_status(TreatmentCenter.objects.prefetch_related("programs__level_of_care"))
