"""``GET /topics/`` and ``GET /vocabularies/{kind}/`` — the controlled vocabularies."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.generics import GenericAPIView

from providers.models import Credential, Language, LevelOfCare, Payer, Population, Service, Topic

from .. import locales
from ..caching import tag_response
from ..filters import StrictFilterBackend
from ..pagination import StrictPageNumberPagination
from ..representations.vocabularies import localized_terms, vocabulary_entry
from ..serializers import VocabularyTermSerializer, error_responses
from .base import not_found

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


@extend_schema_view(
    get=extend_schema(
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
)
class VocabularyListView(GenericAPIView):
    """Terms of one vocabulary, in editorial order, labels in ``?locale=`` (falling back per field to the default
    language). Only ``page``/``page_size``/``locale`` are accepted."""

    pagination_class = StrictPageNumberPagination
    filter_backends = [StrictFilterBackend]
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

    def get(self, request, *args, **kwargs):
        locale = locales.requested(request)
        page = self.paginate_queryset(localized_terms(self.filter_queryset(self.get_queryset()), locale))
        tag_response(request, [self.list_tag])
        response = self.get_paginated_response([vocabulary_entry(obj, self.kind) for obj in page])
        locales.set_content_language(response, locales.content_locale("vocabulary", locale))
        return response


@extend_schema_view(
    get=extend_schema(
        operation_id="topics_list",
        summary="Topics (conditions) articles and centers are classified by",
        parameters=[OpenApiParameter("kind", OpenApiTypes.STR, OpenApiParameter.PATH, exclude=True)],
        responses={200: VocabularyTermSerializer(many=True), **error_responses(400)},
        tags=["vocabularies"],
    )
)
class TopicListView(VocabularyListView):
    pass
