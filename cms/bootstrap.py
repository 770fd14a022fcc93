"""Load settings early and turn a configuration error into one clear line instead of a traceback."""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def load_settings(default_module: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_module)
    try:
        settings.INSTALLED_APPS  # noqa: B018 - forces the settings module to import
    except ImproperlyConfigured as exc:
        sys.stderr.write(f"Configuration error: {exc}\n")
        raise SystemExit(2) from None
