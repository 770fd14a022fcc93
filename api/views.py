"""API root: a discoverable index of the v1 resources."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

# Resource name -> URL name, in the order a frontend developer meets them. Resources whose
# route is not installed are simply left out of the index.
ROOT_LINKS = {
    "articles": "api:article-list",
    "providers": "api:provider-list",
    "centers": "api:center-list",
    "topics": "api:topic-list",
    "routes": "api:routes",
    "sitemap": "api:sitemap",
    "search": "api:search",
    "changes": "api:changes",
    "preview": "api:preview",
    "schema": "api:schema",
    "docs": "api:docs",
}


class ApiRootView(APIView):
    @extend_schema(
        summary="API index",
        responses=inline_serializer("ApiRoot", {"resources": serializers.DictField(child=serializers.CharField())}),
    )
    def get(self, request: Request) -> Response:
        resources = {}
        for name, url_name in ROOT_LINKS.items():
            try:
                resources[name] = reverse(url_name)
            except NoReverseMatch:
                continue
        return Response({"resources": resources})
