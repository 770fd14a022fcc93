"""R5: `manage.py backup` then `restore` into a fresh database gives byte-identical API responses and media."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client

from cms.backup import restore
from tests import factories
from tests.factories.pages import site_home

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

API_PATHS = [
    "/api/v1/articles/",
    "/api/v1/providers/",
    "/api/v1/centers/",
    "/api/v1/topics/",
    "/api/v1/sitemap/",
    "/api/v1/changes/",
    "/api/v1/search/?q=restore",
]
# Last-Modified is compared where content exists; an empty list says "now" (nothing has a date).
HEADERS = ("Content-Type", "ETag", "Cache-Tag")


def snapshot(paths: list[str]) -> dict[str, tuple]:
    cache.clear()  # build every answer from the database, not from cached bytes
    client = Client()
    answers = {}
    for path in paths:
        response = client.get(path)
        headers = tuple(response.get(name) for name in HEADERS)
        last_modified = response.get("Last-Modified") if path.startswith("/api/v1/articles/") else None
        answers[path] = (response.status_code, response.content, headers, last_modified)
    return answers


def admin_execute(sql: str) -> None:
    params = connection.get_connection_params()
    with psycopg.connect(
        host=params.get("host"), port=params.get("port"), user=params.get("user"), dbname="postgres", autocommit=True
    ) as admin:
        admin.execute(sql)


@pytest.fixture
def fresh_database():
    name = f"{connection.settings_dict['NAME']}_restored"
    admin_execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin_execute(f'CREATE DATABASE "{name}"')
    yield name
    admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_restored_into_a_fresh_database_answers_byte_identically(tmp_path, fresh_database):
    factories.article_index()
    site_home()
    reviewer = factories.reviewer("medical", ("MD",), name="Michael Vines", slug="michael-vines")
    article = factories.published_article(reviewer, title="Restore drill", text="What a restore must keep.")
    media_file = Path(settings.MEDIA_ROOT) / "documents" / "intake-form.txt"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_bytes(b"intake form v1\n")
    paths = [*API_PATHS, f"/api/v1/articles/{article.slug}/"]
    before = snapshot(paths)
    assert before[f"/api/v1/articles/{article.slug}/"][0] == 200
    assert b"Restore drill" in before["/api/v1/articles/"][1]

    call_command("backup", output=str(tmp_path / "backups"), stdout=io.StringIO())
    (backup_dir,) = (tmp_path / "backups").iterdir()
    assert (backup_dir / "database.dump").read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format

    restored_media = tmp_path / "restored-media"
    restore(backup_dir, database={**connection.settings_dict, "NAME": fresh_database}, media_root=restored_media)
    assert (restored_media / "documents" / "intake-form.txt").read_bytes() == b"intake form v1\n"

    original = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = fresh_database
    try:
        after = snapshot(paths)
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
    for path in paths:
        assert after[path] == before[path], path
