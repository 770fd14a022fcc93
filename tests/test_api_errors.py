"""One JSON error shape under /api/, whatever the failure and whatever DEBUG is."""

import pytest
from django.http import HttpResponse
from django.urls import include, path

pytestmark = pytest.mark.django_db


def _boom(request):
    raise RuntimeError("secret-internal-detail")


def _ok(request):
    return HttpResponse("ok")


urlpatterns = [
    path("api/v1/boom/", _boom),
    path("api/", include("api.urls")),
    path("plain/", _ok),
]


def assert_error_shape(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["status"] == status
    assert error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return error


@pytest.mark.parametrize("debug", [False, True])
def test_unknown_api_url_is_a_json_404(client, settings, debug):
    settings.DEBUG = debug
    assert_error_shape(client.get("/api/v1/no-such-thing/"), 404, "not_found")


def test_write_methods_are_a_json_405(client):
    error = assert_error_shape(client.post("/api/v1/", {}), 405, "method_not_allowed")
    assert "POST" in error["message"]
    assert_error_shape(client.delete("/api/v1/"), 405, "method_not_allowed")


@pytest.mark.parametrize("debug", [False, True])
def test_unhandled_exception_is_a_json_500_without_internals(client, settings, debug):
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = debug
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert_error_shape(response, 500, "server_error")
    assert b"secret-internal-detail" not in response.content
    assert b"Traceback" not in response.content


@pytest.mark.parametrize(
    "query, parameter",
    [("search=%00", "search"), ("q=a%0d%0aSet-Cookie:x", "q"), ("search=%ff%fe", "search")],
)
def test_control_characters_and_invalid_utf8_are_refused_naming_the_parameter(client, query, parameter):
    error = assert_error_shape(client.get(f"/api/v1/?{query}"), 400, "invalid_parameter")
    assert error["parameter"] == parameter


def test_nul_in_path_is_refused(client):
    assert_error_shape(client.get("/api/v1/a%00b/"), 400, "invalid_path")


def test_overlong_url_and_too_many_parameters_are_refused(client):
    assert_error_shape(client.get("/api/v1/?" + "x" * 5000), 414, "uri_too_long")
    many = "&".join(f"p{i}=1" for i in range(1001))
    assert client.get(f"/api/v1/?{many}").status_code in (400, 414)


def test_api_root_lists_schema_and_docs(client):
    response = client.get("/api/v1/")
    assert response.status_code == 200
    resources = response.json()["resources"]
    assert resources["schema"] == "/api/v1/schema/"
    assert resources["docs"] == "/api/v1/docs/"
