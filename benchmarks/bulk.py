"""Bulk-load N signed-off, published articles in minutes (PostgreSQL), for `make loadtest` and `make bench --growth`.

The first copy goes through the normal path (``benchmarks.content``: add_child, revision, sign-offs,
``publish_signed``), so it carries everything a real publish writes. Every further copy is cloned from it in
set-based SQL, table by table: the page and article rows, the live revision (its JSON patched with the new id,
slug, title and tree path), the review fingerprint, sign-offs, publication record and stamps, topics, levels
of care, references and search index entries. Column lists are read from the database, so a column added by
a migration is copied too. Afterwards the clones' stored representations are cloned from the template's (``benchmarks.stored_clone``), the
planner statistics are refreshed, and the API's cached lists are invalidated.

Usage: ``python -m benchmarks.bulk --articles 10000`` (settings from ``DJANGO_SETTINGS_MODULE``, default
``benchmarks.settings`` with ``BENCH_DATABASE_URL``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path alphabet
STEP = 4
BATCH = 2000
SLUG_PREFIX = "bench-article-"

# table -> (template key column, {column: expression over the map row "m" and template row "t"})
PAGE_KEYED = {
    "pages_articlepage_levels_of_care": ("articlepage_id", {"articlepage_id": "m.page_id"}),
    "pages_articlepage_topics": ("articlepage_id", {"articlepage_id": "m.page_id"}),
    "pages_articlereference": ("page_id", {"page_id": "m.page_id"}),
    "review_publication": ("page_id", {"page_id": "m.page_id", "revision_id": "m.revision_id"}),
    "review_articlestamps": ("page_id", {"page_id": "m.page_id", "live_revision_id": "m.revision_id"}),
}
REVISION_KEYED = {
    "review_revisionfingerprint": ("revision_id", {"revision_id": "m.revision_id"}),
    "review_signoff": ("revision_id", {"page_id": "m.page_id", "revision_id": "m.revision_id"}),
}


def encode_step(number: int) -> str:
    digits = ""
    for _ in range(STEP):
        number, digit = divmod(number, len(ALPHABET))
        digits = ALPHABET[digit] + digits
    return digits


def decode_step(text: str) -> int:
    value = 0
    for char in text:
        value = value * len(ALPHABET) + ALPHABET.index(char)
    return value


def columns(cursor, table: str) -> list[str]:
    cursor.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s ORDER BY ordinal_position", [table]
    )
    return [row[0] for row in cursor.fetchall()]


def clone_rows(cursor, table: str, key: str, template_value: int, replace: dict[str, str]) -> None:
    """Insert one copy of ``table``'s template rows per map row, with ``replace``d columns and fresh ids."""
    names = [name for name in columns(cursor, table) if not (name == "id" and "id" not in replace)]
    if not names:
        return
    select = ", ".join(replace.get(name, f't."{name}"') for name in names)
    quoted = ", ".join(f'"{name}"' for name in names)
    cursor.execute(
        f'INSERT INTO "{table}" ({quoted}) SELECT {select} FROM "{table}" t CROSS JOIN bulk_map m '  # noqa: S608
        f'WHERE t."{key}" = %s',
        [template_value],
    )


def fingerprint_clones(cursor) -> None:
    """Give each clone's fingerprint and sign-offs the hash of the clone's own content (its title and slug
    differ from the template's): a sign-off of the template's words would not cover the clone, and the first
    rebuild of the clone (a new revision's sign-off, a reviewer's edit) would rightly hide it."""
    from pages.review.hashing import content_hash

    cursor.execute("SELECT id, content FROM wagtailcore_revision WHERE id IN (SELECT revision_id FROM bulk_map)")
    rows = cursor.fetchall()  # Django's connection hands jsonb over as text
    hashes = [(content_hash(json.loads(content)), revision_id) for revision_id, content in rows]
    for table in [*REVISION_KEYED, "review_publication"]:  # the loader writes these rows: never changed after
        cursor.executemany(f'UPDATE "{table}" SET content_hash = %s WHERE revision_id = %s', hashes)  # noqa: S608


def clone_batch(cursor, template, first_number: int, count: int, first_step: int) -> None:
    parent_path, parent_url = template.path[:-STEP], template.url_path.rsplit("/", 2)[0] + "/"
    cursor.execute("DROP TABLE IF EXISTS bulk_map")
    cursor.execute(
        "CREATE TEMP TABLE bulk_map (page_id int, revision_id int, slug text, title text, path text, url_path text,"
        " translation_key uuid DEFAULT gen_random_uuid())"
    )
    rows = []
    for offset in range(count):
        number = first_number + offset
        slug = f"{SLUG_PREFIX}{number:05d}"
        title = f"{template.title.rsplit(' (', 1)[0]} ({number})"
        rows.append((slug, title, parent_path + encode_step(first_step + offset), f"{parent_url}{slug}/"))
    cursor.executemany(
        "INSERT INTO bulk_map (page_id, revision_id, slug, title, path, url_path) VALUES "
        "(nextval(pg_get_serial_sequence('wagtailcore_page', 'id')),"
        " nextval(pg_get_serial_sequence('wagtailcore_revision', 'id')), %s, %s, %s, %s)",
        rows,
    )
    page = {
        "id": "m.page_id", "path": "m.path", "slug": "m.slug", "title": "m.title", "draft_title": "m.title",
        "url_path": "m.url_path", "translation_key": "m.translation_key", "numchild": "0",
        "live_revision_id": "m.revision_id", "latest_revision_id": "m.revision_id",
    }  # fmt: skip
    clone_rows(cursor, "wagtailcore_page", "id", template.pk, page)
    clone_rows(cursor, "pages_articlepage", "page_ptr_id", template.pk, {"page_ptr_id": "m.page_id"})
    patch = (
        "t.content || jsonb_build_object('pk', m.page_id, 'slug', m.slug, 'title', m.title, 'draft_title', m.title,"
        " 'path', m.path, 'url_path', m.url_path, 'translation_key', m.translation_key::text,"
        " 'live_revision', m.revision_id, 'latest_revision', m.revision_id, 'numchild', 0)"
    )
    revision = {"id": "m.revision_id", "object_id": "m.page_id::text", "content": patch, "object_str": "m.title"}
    clone_rows(cursor, "wagtailcore_revision", "id", template.live_revision_id, revision)
    for table, (key, replace) in PAGE_KEYED.items():
        clone_rows(cursor, table, key, template.pk, replace)
    for table, (key, replace) in REVISION_KEYED.items():
        clone_rows(cursor, table, key, template.live_revision_id, replace)
    fingerprint_clones(cursor)
    clone_rows(cursor, "wagtailsearch_indexentry", "object_id", str(template.pk), {"object_id": "m.page_id::text"})
    cursor.execute("UPDATE wagtailcore_page SET numchild = numchild + %s WHERE path = %s", [count, parent_path])


def bulk_articles(count: int, log=print) -> int:
    """Make sure ``count`` benchmark articles exist; returns how many were cloned now."""
    from django.db import connection, transaction

    from benchmarks.content import ensure_articles
    from pages.models import ArticlePage

    existing = ArticlePage.objects.filter(slug__startswith=SLUG_PREFIX)
    if connection.vendor != "postgresql" or existing.count() == 0:
        ensure_articles(min(count, 1) if connection.vendor == "postgresql" else count)
    have = existing.count()
    if have >= count:
        return 0
    template = ArticlePage.objects.get(slug=f"{SLUG_PREFIX}00000")
    started = time.monotonic()
    for first in range(have, count, BATCH):
        size = min(BATCH, count - first)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext('verity-bulk-load'))")
            parent = template.get_parent()
            siblings = type(parent).objects.get(pk=parent.pk).get_children().order_by("-path").values_list("path")
            first_step = decode_step(siblings[0][0][-STEP:]) + 1
            clone_batch(cursor, template, first, size, first_step)
        log(f"  {first + size} articles ({time.monotonic() - started:.0f} s)")
    after_bulk_load()
    return count - have


def after_bulk_load() -> None:
    """What a burst of publishes would leave behind: stored rows for the clones (cloned from the template's,
    see :mod:`benchmarks.stored_clone`), the clinicians' and centers' rows rebuilt, fresh statistics, purged
    lists."""
    from django.core.management import call_command
    from django.db import connection

    from api.caching import invalidate_tags
    from benchmarks.stored_clone import clone_stored_rows
    from pages.models import ArticlePage

    clone_stored_rows(ArticlePage.objects.get(slug=f"{SLUG_PREFIX}00000").pk)
    call_command("rebuild_representations", kind=["provider", "center"], no_progress=True, verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    invalidate_tags(["articles", "changes"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from benchmarks.run import prepare_database

    started = time.monotonic()
    prepare_database(1)
    print(f"Bulk-loading {args.articles} articles…", flush=True)
    cloned = bulk_articles(args.articles, log=lambda line: print(line, flush=True))
    print(f"Cloned {cloned} articles in {time.monotonic() - started:.0f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
