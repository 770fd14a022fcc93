"""Image uploads (U1): scripts in SVGs, decompression bombs and oversized files are refused with a clear error."""

import struct
import zlib
from io import BytesIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/images/add/"


def png_bytes(width: int = 4, height: int = 3) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), "white").save(buffer, "PNG")
    return buffer.getvalue()


def png_header_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge canvas: decoding it would need gigabytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("images-admin", "images@example.com", "pw-images-admin")
    client.force_login(user)
    return client


def upload(admin_client, name: str, content: bytes, content_type: str = "image/png"):
    return admin_client.post(
        ADD_URL, {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)}
    )


def test_a_normal_png_is_accepted(admin_client):
    response = upload(admin_client, "ok.png", png_bytes())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="ok.png").exists()


def test_svg_with_script_is_refused(admin_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
    response = upload(admin_client, "evil.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_decompression_bomb_is_refused_without_decoding_it(admin_client):
    response = upload(admin_client, "bomb.png", png_header_claiming(30000, 30000))
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert "too many pixels" in response.content.decode() or "Upload a valid image" in response.content.decode()


def test_oversized_upload_is_refused(admin_client, settings):
    too_big = png_bytes() + b"\x00" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
    response = upload(admin_client, "huge.png", too_big)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.exists()
