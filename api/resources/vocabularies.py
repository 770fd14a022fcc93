"""``GET /topics/`` and ``GET /vocabularies/{kind}/`` — the controlled vocabularies."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema

from providers.models import Credential, Language, LevelOfCare, Payer, Population, Service, Topic

from ..representations.vocabularies import vocabulary_entry
from ..serializers import VocabularyTermSerializer, error_responses
from .base import PublicListView, not_found

VOCABULARIES = {
    "topics": Topic,
    "levels-of-care": LevelOfCare,
    "services": Service,
    "payers": Payer,
    "populations": Population,
    "languages": Language,
    "credentials": Credential,  # what the providers list's `credential` filter accepts (by code)
}
ORDERING = {"credentials": ("code", "pk")}


class VocabularyListView(PublicListView):
    """Terms of one vocabulary, in editorial order. Only ``page``/``page_size`` are accepted."""

    filterset_class = None
    list_tag = "vocabularies"

    @property
    def kind(self) -> str:
        return self.kwargs.get("kind", "topics")

    def get_queryset(self):
        model = VOCABULARIES.get(self.kind)
        if model is None:
            raise not_found()
        return model.objects.order_by(*ORDERING.get(self.kind, ("sort_order", "name", "pk")))

    def represent(self, objects, request):
        return [vocabulary_entry(obj, self.kind) for obj in objects]

    @extend_schema(
        operation_id="vocabularies_list",
        summary="Terms of a controlled vocabulary",
        parameters=[
            OpenApiParameter(
                "kind", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(VOCABULARIES), description="Vocabulary."
            )
        ],
        responses={200: VocabularyTermSerializer(many=True), **error_responses(400, 404)},
        tags=["vocabularies"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class TopicListView(VocabularyListView):
    @extend_schema(
        operation_id="topics_list",
        summary="Topics (conditions) articles and centers are classified by",
        responses={200: VocabularyTermSerializer(many=True), **error_responses(400)},
        tags=["vocabularies"],
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
