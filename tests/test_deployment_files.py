"""docker-compose.yml and the Dockerfile, checked statically (there is no Docker engine here)."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_DIR = ROOT / "cms" / "settings"
# Variables read by the container's own entry points rather than by cms/settings.
RUNTIME_VARIABLES = {"DJANGO_SETTINGS_MODULE"}


def variables_read_by_settings() -> set[str]:
    names = set()
    for module in SETTINGS_DIR.glob("*.py"):
        names |= set(re.findall(r'env_(?:str|bool|int|list|required)\(\s*"([A-Z0-9_]+)"', module.read_text()))
    return names


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_defines_the_production_shape():
    services = compose()["services"]
    assert set(services) == {"db", "redis", "web", "worker"}
    assert services["db"]["image"].startswith("postgres:16")
    assert "healthcheck" in services["db"] and services["db"]["volumes"]
    assert "gunicorn" in services["web"]["command"] and "migrate" in services["web"]["command"]
    assert "db_worker" in services["worker"]["command"]


def test_every_variable_compose_sets_is_read_by_the_settings():
    known = variables_read_by_settings() | RUNTIME_VARIABLES
    for name in ("web", "worker"):
        environment = compose()["services"][name]["environment"]
        unknown = set(environment) - known
        assert not unknown, f"{name} sets variables the settings never read: {sorted(unknown)}"


def test_every_variable_the_settings_read_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    table_rows = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", readme, flags=re.MULTILINE))
    missing = variables_read_by_settings() - table_rows
    assert not missing, f"README environment table lacks: {sorted(missing)}"


def test_dockerfile_installs_from_the_same_lock():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -r requirements/base.txt" in dockerfile
    dev_in = (ROOT / "requirements" / "dev.in").read_text()
    assert "-c base.txt" in dev_in, "the dev lock must be constrained by the runtime lock"
    base = dict(
        line.split("==") for line in (ROOT / "requirements" / "base.txt").read_text().splitlines() if "==" in line
    )
    dev = dict(
        line.split("==") for line in (ROOT / "requirements" / "dev.txt").read_text().splitlines() if "==" in line
    )
    for package, version in base.items():
        assert dev.get(package) == version, f"{package} differs between base.txt and dev.txt"
