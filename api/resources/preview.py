"""``GET /api/v1/preview/?token=`` — one draft revision, in exactly the shape of its detail endpoint.

Every answer, success or error, carries ``Cache-Control: no-store`` and ``X-Robots-Tag: noindex``. A missing,
malformed, tampered with or expired token is 401; a token whose revision (or object) was deleted is 410.
Neither ever falls back to live content. Tokens come from the admin's "Preview on frontend" action or
``manage.py preview_token`` (see :mod:`api.preview`).
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, PolymorphicProxySerializer, extend_schema
from rest_framework import exceptions, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.errors import InvalidParameter, PreviewTokenInvalid
from api.preview import InvalidPreviewToken, PreviewRevisionGone, represent_preview, resolve_preview_token
from api.serializers.common import ErrorSerializer, error_responses
from api.serializers.resources import ArticleDetailSerializer, CenterDetailSerializer, ProviderDetailSerializer

ALLOWED_PARAMETERS = {"token"}


class PreviewGone(exceptions.APIException):
    status_code = status.HTTP_410_GONE
    default_code = "gone"
    default_detail = "This draft no longer exists."


class PreviewView(APIView):
    @extend_schema(
        operation_id="preview_retrieve",
        summary="Preview a draft",
        description=(
            "The revision a preview token grants, in the same shape as the article, provider or center detail "
            "endpoint. Tokens are issued by the admin's “Preview on frontend” action, are scoped to one object "
            "and one revision and expire (default one hour). Responses are `no-store` and `noindex`."
        ),
        parameters=[OpenApiParameter("token", str, required=True, description="Preview token.")],
        responses={
            200: OpenApiResponse(
                PolymorphicProxySerializer(
                    component_name="PreviewDetail",
                    serializers=[ArticleDetailSerializer, ProviderDetailSerializer, CenterDetailSerializer],
                    resource_type_field_name=None,
                ),
                description="The draft, in the shape of the article, provider or center detail endpoint.",
            ),
            **error_responses(400),
            401: OpenApiResponse(ErrorSerializer, description="Missing, malformed, tampered with or expired token."),
            410: OpenApiResponse(ErrorSerializer, description="The draft (revision or object) has been deleted."),
        },
    )
    def get(self, request: Request) -> Response:
        for name in request.query_params:
            if name not in ALLOWED_PARAMETERS:
                raise InvalidParameter(name, f"Unknown parameter '{name}'. Allowed: token.")
        try:
            obj, revision = resolve_preview_token(request.query_params.get("token"))
        except InvalidPreviewToken as invalid:
            raise PreviewTokenInvalid(str(invalid)) from None
        except PreviewRevisionGone as gone:
            raise PreviewGone(str(gone)) from None
        return Response(represent_preview(obj, revision, request))

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
        if response.status_code == status.HTTP_401_UNAUTHORIZED:
            response["WWW-Authenticate"] = 'PreviewToken realm="preview"'
        return response
