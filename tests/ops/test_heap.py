"""The web process freezes its startup heap (cms.heap): full garbage collections skip what startup loaded."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

from cms.heap import settle

ROOT = Path(__file__).resolve().parents[2]


def test_settle_imports_the_views_and_freezes_what_is_loaded():
    try:
        settle()
        frozen = gc.get_freeze_count()
        assert frozen > 10_000  # the modules, models and URL patterns a worker holds
        assert "api.resources.articles" in sys.modules
    finally:
        gc.unfreeze()


def test_the_wsgi_application_settles_its_heap_at_import():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(
        [sys.executable, "-c", "import gc, cms.wsgi; print(gc.get_freeze_count())"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert int(result.stdout.strip().splitlines()[-1]) > 10_000
