"""docker-compose.yml and the Dockerfile, checked statically (there is no Docker engine here)."""

import re
import runpy
from pathlib import Path

import pytest
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
    assert set(services) == {"db", "redis", "migrate", "web", "worker", "proxy"}
    assert services["db"]["image"].startswith("postgres:16")
    assert "healthcheck" in services["db"] and services["db"]["volumes"]
    assert "migrate" in services["migrate"]["command"] and services["migrate"]["restart"] == "no"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert services["web"]["command"].split() == ["gunicorn", "-c", "gunicorn.conf.py", "cms.wsgi:application"]
    assert services["web"]["deploy"]["replicas"] == 2
    assert "ports" not in services["web"], "only the proxy is published"
    assert services["worker"]["command"].split()[:3] == ["python", "manage.py", "run_worker"]


def test_every_long_running_service_restarts_by_itself():
    services = compose()["services"]
    for name in ("db", "redis", "web", "worker", "proxy"):
        assert services[name]["restart"] in {"unless-stopped", "always"}, name


def test_the_proxy_terminates_tls_and_passes_the_client_address():
    services = compose()["services"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:2")
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in proxy["volumes"]
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "reverse_proxy" in caddyfile and "dynamic a web 8000" in caddyfile
    assert "trusted_proxies" not in caddyfile, "Caddy must replace a client's own X-Forwarded-For, not extend it"
    environment = services["web"]["environment"]
    assert environment["TRUSTED_PROXY_COUNT"] == "1"
    assert "SECURE_SSL_REDIRECT" not in environment, "HTTPS redirect stays on (the production default)"


def test_gunicorn_limits_sit_above_the_apps_own_url_limit():
    from api.middleware import MAX_URL_LENGTH

    config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    assert config["limit_request_line"] > MAX_URL_LENGTH + 100
    assert config["limit_request_field_size"] > MAX_URL_LENGTH
    assert 0 < config["timeout"] <= 60 and config["workers"] >= 1
    assert config["accesslog"] == "-"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"gunicorn", "-c", "gunicorn.conf.py"' in dockerfile


@pytest.mark.parametrize("lock", ["base.txt", "dev.txt"])
def test_locks_name_no_package_index_or_local_path(lock):
    """A lock that names this machine's index or wheel folder makes pip warn (or fail) everywhere else."""
    for number, line in enumerate((ROOT / "requirements" / lock).read_text().splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        assert not stripped.startswith("-"), f"{lock}:{number} is an option line: {stripped}"
        assert "file:" not in stripped and " @ " not in stripped, f"{lock}:{number} names a local path: {stripped}"
        assert "==" in stripped, f"{lock}:{number} is not a pinned requirement: {stripped}"
    makefile = (ROOT / "Makefile").read_text()
    assert makefile.count("--no-emit-index-url --no-emit-find-links") == 2


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
