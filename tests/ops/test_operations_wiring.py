"""How Verity is run, as the Makefile, CI and the README state it (issue 16's "Deliver" list): the development
`make run` starts the worker with its scheduler (no cron), `make fuzz` is bounded and fails on server errors and
schema mismatches, CI runs it on PostgreSQL, and the README's Operations section covers what an operator needs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def make_recipe(target: str) -> str:
    """The recipe lines of one Makefile target."""
    text = (ROOT / "Makefile").read_text()
    match = re.search(rf"^{target}:.*\n((?:\t.*\n?)+)", text, re.MULTILINE)
    assert match, f"no Makefile target {target}"
    return match.group(1)


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text()
    return text.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_make_run_starts_the_worker_with_its_scheduled_jobs():
    recipe = make_recipe("run")
    assert "manage.py run_worker" in recipe and "--no-scheduler" not in recipe
    assert "manage.py runserver" in recipe


def test_fuzz_is_bounded_fails_on_5xx_and_schema_mismatches_and_ci_runs_it_on_postgresql():
    assert "scripts/fuzz.py" in make_recipe("fuzz")
    fuzz = (ROOT / "scripts" / "fuzz.py").read_text()
    for check in ("not_a_server_error", "status_code_conformance", "response_schema_conformance"):
        assert check in fuzz, check
    assert re.search(r'"--examples", type=int, default=\d+', fuzz) and re.search(r'"--max-time", type=int', fuzz)
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'DATABASE_URL="${DATABASE_URL:-postgres://' in ci
    assert ci.index("DATABASE_URL=") < ci.index("make fuzz")


def test_the_readme_operations_section_covers_running_and_recovering():
    section = readme_section("Operations")
    for topic in ("**Processes.**", "scheduled jobs", "**Backup and restore.**", "**Proxy settings.**"):
        assert topic in section, topic
    assert "make backup" in section and "make restore" in section
    assert "TRUSTED_PROXY_COUNT" in section
    down = section.split("**When something is down.**", 1)[1].split("\n\n**", 1)[0]
    for service in ("| Redis |", "| the worker |", "| PostgreSQL |"):
        assert service in down, service
    for job in ("`publish_scheduled`", "`daily_checks`"):
        assert job in section, job
