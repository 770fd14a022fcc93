"""Media in S3-compatible object storage (moto's S3 server on 127.0.0.1:8162): an image uploaded in the admin
lands in the bucket, its renditions too, and the URLs in the API point at the public base and resolve."""

from __future__ import annotations

import json
import urllib.request
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.settings.storage import s3_storage_options
from tests.factories.providers import ProviderFactory

pytestmark = pytest.mark.django_db
boto3 = pytest.importorskip("boto3", reason="needs boto3 (django-storages[s3])")
moto_server = pytest.importorskip("moto.server", reason="needs moto[server] (dev dependency)")

PORT = 8162
BUCKET = "verity-media"
ENDPOINT = f"http://127.0.0.1:{PORT}"
PUBLIC_BASE = f"{ENDPOINT}/{BUCKET}"  # stands in for a CDN in front of the bucket


@pytest.fixture(scope="module")
def s3():
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=PORT, verbose=False)
    server.start()
    client = boto3.client(
        "s3", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="test", aws_secret_access_key="test"
    )
    client.create_bucket(Bucket=BUCKET)
    # What an operator sets up for a public media bucket (or a CDN with read access): anonymous GetObject.
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{BUCKET}/*"}
        ],
    }
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
    yield client
    server.stop()


@pytest.fixture
def s3_media(s3, settings, monkeypatch):
    for name, value in {
        "MEDIA_S3_BUCKET": BUCKET,
        "MEDIA_S3_ENDPOINT_URL": ENDPOINT,
        "MEDIA_S3_REGION": "us-east-1",
        "MEDIA_S3_ACCESS_KEY_ID": "test",
        "MEDIA_S3_SECRET_ACCESS_KEY": "test",
        "MEDIA_PUBLIC_BASE_URL": PUBLIC_BASE + "/",
    }.items():
        monkeypatch.setenv(name, value)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_storage_options()},
    }
    return s3


def png(width: int, height: int) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def fetch(url: str) -> PILImage.Image:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return PILImage.open(BytesIO(response.read()))


def test_an_admin_upload_and_its_renditions_are_served_from_object_storage(s3_media, client, api_client):
    admin = get_user_model().objects.create_superuser("media-admin", "media@example.com", "pw-media-admin")
    client.force_login(admin)
    upload = SimpleUploadedFile("portrait.png", png(1200, 900), content_type="image/png")
    response = client.post("/admin/images/add/", {"title": "Portrait", "file": upload})
    assert response.status_code == 302

    image = get_image_model().objects.get(title="Portrait")
    assert s3_media.head_object(Bucket=BUCKET, Key=image.file.name)["ContentLength"] > 0
    provider = ProviderFactory(name="Photo Graph", photo=image, publish=True)

    photo = api_client.get(f"/api/v1/providers/{provider.slug}/").json()["photo"]

    assert photo["url"] == f"{PUBLIC_BASE}/{image.file.name}"
    assert fetch(photo["url"]).size == (1200, 900)
    assert set(photo["renditions"]) == {"thumbnail", "medium", "large"}
    for rendition in photo["renditions"].values():
        assert rendition["url"].startswith(PUBLIC_BASE + "/images/")
        assert fetch(rendition["url"]).size == (rendition["width"], rendition["height"])
    keys = {item["Key"] for item in s3_media.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert {key for key in keys if key.startswith("images/")}, "renditions are stored in the bucket too"
