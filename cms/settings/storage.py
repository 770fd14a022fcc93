"""Media storage: the local MEDIA_ROOT by default, or S3-compatible object storage with ``MEDIA_STORAGE=s3``.

Originals and renditions both go to the default storage (Wagtail's rendition storage defaults to it). With a
public base URL (a CDN or the bucket's public address) media URLs in the API are built from it, unsigned.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

MEDIA_STORAGE = (env_str("MEDIA_STORAGE", "local") or "local").lower()


def s3_storage_options() -> dict:
    """django-storages ``S3Storage`` options from the ``MEDIA_S3_*`` and ``MEDIA_PUBLIC_BASE_URL`` variables."""
    bucket = env_str("MEDIA_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_S3_BUCKET must be set when MEDIA_STORAGE=s3")
    options = {
        "bucket_name": bucket,
        "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL"),  # empty: AWS itself
        "region_name": env_str("MEDIA_S3_REGION"),
        "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID"),
        "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY"),
        "file_overwrite": False,
        "querystring_auth": False,  # public, cacheable URLs: media is published content
        "addressing_style": "path" if env_str("MEDIA_S3_ENDPOINT_URL") else None,
    }
    public = env_str("MEDIA_PUBLIC_BASE_URL")
    if public:
        parts = urlsplit(public.rstrip("/"))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"MEDIA_PUBLIC_BASE_URL must be an http(s) URL, got {public!r}")
        options["custom_domain"] = parts.netloc + parts.path  # django-storages builds <protocol>//<domain>/<key>
        options["url_protocol"] = f"{parts.scheme}:"
    return {key: value for key, value in options.items() if value is not None}


def media_storage() -> dict:
    if MEDIA_STORAGE == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if MEDIA_STORAGE == "s3":
        return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": s3_storage_options()}
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be local or s3, got {MEDIA_STORAGE!r}")
