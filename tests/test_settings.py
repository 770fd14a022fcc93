"""Settings: production refuses to start half-configured; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 64 + "-production-secret-for-the-deploy-check",
    "ALLOWED_HOSTS": "cms.example.com",
    "DATABASE_URL": "sqlite:////tmp/verity-deploy-check.sqlite3",
}


def run_manage(args, env):
    base = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    base.update(env, DJANGO_SETTINGS_MODULE="cms.settings.production")
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=base, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = run_manage(["check"], env)
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == f"Configuration error: {missing} must be set in the environment for production settings"
    )


def test_check_deploy_with_production_settings_has_no_warnings():
    result = run_manage(["check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
