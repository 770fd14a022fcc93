"""S1 in the shipped setup: `check --deploy` is clean with exactly the environment docker-compose gives the app."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

from tests.test_deployment_files import variables_read_by_settings

ROOT = Path(__file__).resolve().parents[2]
# ${NAME:-default} takes the default; ${NAME:?message} must be supplied by whoever runs compose.
SUBSTITUTION = re.compile(r"\$\{([A-Z0-9_]+)(?::-([^}]*)|:\?[^}]*)\}")


def compose_environment(service: str, supplied: dict[str, str]) -> dict[str, str]:
    environment = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"][service]["environment"]

    def substitute(match: re.Match) -> str:
        name, default = match.group(1), match.group(2)
        return supplied.get(name, default)

    return {name: SUBSTITUTION.sub(substitute, str(value)) for name, value in environment.items()}


def test_check_deploy_is_clean_with_the_compose_environment():
    app_env = compose_environment("web", {"SECRET_KEY": secrets.token_urlsafe(50)})
    assert app_env["DJANGO_SETTINGS_MODULE"] == "cms.settings.production"
    # Only the process basics from outside; every setting comes from compose, none from this test run.
    outside = {key: value for key, value in os.environ.items() if key not in variables_read_by_settings()}
    outside.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**outside, **app_env},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
