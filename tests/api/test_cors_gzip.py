"""Browser code on the frontend's origin can make conditional requests, read the caching headers, and get gzip."""

from __future__ import annotations

import gzip
import json

import pytest

from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://app.example.com"
URL = "/api/v1/providers/alex-spritzer/"


@pytest.fixture(autouse=True)
def _origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]


@pytest.fixture
def provider():
    return ProviderFactory(
        name="Alex Spritzer", slug="alex-spritzer", bio="<p>" + "Care. " * 400 + "</p>", publish=True
    )


def _listed(header: str) -> set[str]:
    return {item.strip().lower() for item in header.split(",") if item.strip()}


def test_preflight_allows_the_conditional_request_headers(api_client):
    response = api_client.options(
        URL,
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert {"if-none-match", "if-modified-since"} <= _listed(response["Access-Control-Allow-Headers"])


def test_caching_headers_are_readable_cross_origin(api_client, provider):
    response = api_client.get(URL, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 200
    assert {"etag", "last-modified", "cache-tag", "link"} <= _listed(response["Access-Control-Expose-Headers"])


@pytest.mark.parametrize(
    "url,served", [(URL, "stored"), ("/api/v1/sitemap/", "hit")], ids=["stored-detail", "response-store"]
)
def test_responses_are_gzipped_when_asked_and_validators_still_match(api_client, provider, url, served):
    for number in range(6):  # a sitemap long enough to be worth compressing
        ProviderFactory(
            name=f"Clinician {number}", slug=f"clinician-with-a-long-profile-address-{number}", publish=True
        )
    plain = api_client.get(url)
    assert api_client.get(url)["X-Cache"] == served
    zipped = api_client.get(url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert zipped["Content-Encoding"] == "gzip"
    assert "accept-encoding" in _listed(zipped["Vary"])
    assert json.loads(gzip.decompress(zipped.content)) == plain.json()
    # The compressed body has its own, weak validator; both forms answer 304 (weak comparison).
    assert zipped["ETag"] == "W/" + plain["ETag"]
    for etag in (zipped["ETag"], plain["ETag"]):
        again = api_client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""


def test_a_detail_is_compressed_once_when_built_and_served_as_stored(api_client, provider):
    from api.published.models import StoredRepresentation

    row = StoredRepresentation.objects.get(kind="provider", object_id=provider.pk, locale="en")
    zipped = api_client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped.content == bytes(row.detail_gzip)  # the bytes compressed at build time, not recompressed
    assert gzip.decompress(bytes(row.detail_gzip)) == bytes(row.detail_json)
    assert len(row.detail_gzip) < len(row.detail_json) / 2


def test_no_compression_without_accept_encoding(api_client, provider):
    response = api_client.get(URL)
    assert "Content-Encoding" not in response
    assert response["ETag"].startswith('"')
