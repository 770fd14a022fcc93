"""Test settings: fast hashing, quiet logs, deterministic URLs, tasks run immediately."""

import tempfile

from .base import *  # noqa: F403
from .env import env_list

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="verity-test-media-")
FRONTEND_BASE_URL = "https://www.example.com"
MEDIA_BASE_URL = "https://cms.example.com"
WAGTAILADMIN_BASE_URL = "https://cms.example.com"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", ["https://app.example.com"])
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Cached API responses and throttles go to the test database's cache table (tests/conftest.py creates it),
# never to a developer's Redis.
CACHES = {"default": {"BACKEND": "api.caching.backends.FailOpenDatabaseCache", "LOCATION": "verity_cache"}}
AXES_ENABLED = False
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["null"], "level": "CRITICAL"},
}
API_THROTTLE_RATE = "100000/min"
