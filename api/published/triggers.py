"""Database triggers that keep stored rows true to what PostgreSQL (or SQLite) holds, whoever writes it.

* **Follow the page.** When a page row's ``live``, ``live_revision_id``, ``go_live_at`` or ``expire_at``
  changes — through Wagtail, the scheduler or a raw ``UPDATE`` — its stored row gets ``page_live`` (still live
  on the revision the row was built from) and the page's window in the same statement. Reads then decide
  visibility on the stored row alone (:func:`api.published.reads.visible_q`), with no join to the page, and a
  live revision forced in by the database is hidden at once (reliability P10). In the same statement it moves
  the invalidation clock and the row's cache tags (:mod:`api.caching.versions`), so a stored response that
  shows or lists the row (search, routes, sitemap) is stale from that commit. It moves the clock first, which
  takes the clock's row lock before any stored row's: rebuilds lock in that order too.
* **Count the rows.** Inserting or deleting a stored row (or moving it to another kind or locale) adjusts
  :class:`~api.published.models.StoredRowCount`, so an unfiltered list's total is one row read
  (:func:`api.published.reads.public_count`).

Installed (idempotently, with a recount) after every ``migrate`` that reaches the head, not by a migration
alone: SQLite drops a table's triggers whenever Django's schema editor remakes the table, and Wagtail's own
migrations may remake ``wagtailcore_page``.
"""

from __future__ import annotations

from django.db import connections, transaction

from ..caching.models import CLOCK_TAG
from .registry import KINDS, object_tag_sql

POSTGRESQL = [
    """
    CREATE OR REPLACE FUNCTION api_stored_follow_page() RETURNS trigger AS $$
    DECLARE
        clock bigint;
    BEGIN
        IF EXISTS (SELECT 1 FROM api_storedrepresentation WHERE page_id = NEW.id) THEN
            INSERT INTO api_cachetagversion (tag, version) VALUES ('{clock}', 1)
                ON CONFLICT (tag) DO UPDATE SET version = api_cachetagversion.version + 1
                RETURNING version INTO clock;
            UPDATE api_storedrepresentation
               SET page_live = (NEW.live AND NEW.live_revision_id IS NOT DISTINCT FROM revision_id),
                   go_live_at = NEW.go_live_at,
                   expire_at = NEW.expire_at
             WHERE page_id = NEW.id;
            {invalidate}
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS api_stored_follow_page ON wagtailcore_page",
    """
    CREATE TRIGGER api_stored_follow_page
    AFTER UPDATE OF live, live_revision_id, go_live_at, expire_at ON wagtailcore_page
    FOR EACH ROW WHEN (
        OLD.live IS DISTINCT FROM NEW.live OR OLD.live_revision_id IS DISTINCT FROM NEW.live_revision_id
        OR OLD.go_live_at IS DISTINCT FROM NEW.go_live_at OR OLD.expire_at IS DISTINCT FROM NEW.expire_at
    ) EXECUTE FUNCTION api_stored_follow_page()
    """,
    """
    CREATE OR REPLACE FUNCTION api_stored_count() RETURNS trigger AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            UPDATE api_storedrowcount SET count = count - 1 WHERE kind = OLD.kind AND locale = OLD.locale;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO api_storedrowcount (kind, locale, count) VALUES (NEW.kind, NEW.locale, 1)
            ON CONFLICT (kind, locale) DO UPDATE SET count = api_storedrowcount.count + 1;
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql
    """,
    "DROP TRIGGER IF EXISTS api_stored_count ON api_storedrepresentation",
    """
    CREATE TRIGGER api_stored_count AFTER INSERT OR DELETE ON api_storedrepresentation
    FOR EACH ROW EXECUTE FUNCTION api_stored_count()
    """,
    "DROP TRIGGER IF EXISTS api_stored_count_moved ON api_storedrepresentation",
    """
    CREATE TRIGGER api_stored_count_moved AFTER UPDATE OF kind, locale ON api_storedrepresentation
    FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.locale IS DISTINCT FROM NEW.locale)
    EXECUTE FUNCTION api_stored_count()
    """,
]

_SQLITE_ADD = (
    "INSERT INTO api_storedrowcount (kind, locale, count) VALUES (NEW.kind, NEW.locale, 1) "
    "ON CONFLICT (kind, locale) DO UPDATE SET count = count + 1;"
)
_SQLITE_SUBTRACT = "UPDATE api_storedrowcount SET count = count - 1 WHERE kind = OLD.kind AND locale = OLD.locale;"

SQLITE = [
    "DROP TRIGGER IF EXISTS api_stored_follow_page",
    """
    CREATE TRIGGER api_stored_follow_page
    AFTER UPDATE OF live, live_revision_id, go_live_at, expire_at ON wagtailcore_page
    FOR EACH ROW WHEN OLD.live IS NOT NEW.live OR OLD.live_revision_id IS NOT NEW.live_revision_id
        OR OLD.go_live_at IS NOT NEW.go_live_at OR OLD.expire_at IS NOT NEW.expire_at
    BEGIN
        INSERT INTO api_cachetagversion (tag, version)
            SELECT '{clock}', 1 WHERE EXISTS (SELECT 1 FROM api_storedrepresentation WHERE page_id = NEW.id)
            ON CONFLICT (tag) DO UPDATE SET version = version + 1;
        UPDATE api_storedrepresentation
           SET page_live = (NEW.live AND NEW.live_revision_id IS revision_id),
               go_live_at = NEW.go_live_at,
               expire_at = NEW.expire_at
         WHERE page_id = NEW.id;
        {invalidate}
    END
    """,
    "DROP TRIGGER IF EXISTS api_stored_count_insert",
    f"CREATE TRIGGER api_stored_count_insert AFTER INSERT ON api_storedrepresentation BEGIN {_SQLITE_ADD} END",
    "DROP TRIGGER IF EXISTS api_stored_count_delete",
    f"CREATE TRIGGER api_stored_count_delete AFTER DELETE ON api_storedrepresentation BEGIN {_SQLITE_SUBTRACT} END",
    "DROP TRIGGER IF EXISTS api_stored_count_moved",
    f"""
    CREATE TRIGGER api_stored_count_moved AFTER UPDATE OF kind, locale ON api_storedrepresentation
    FOR EACH ROW WHEN OLD.kind IS NOT NEW.kind OR OLD.locale IS NOT NEW.locale
    BEGIN {_SQLITE_SUBTRACT} {_SQLITE_ADD} END
    """,
]

RECOUNT = [
    "DELETE FROM api_storedrowcount",
    """
    INSERT INTO api_storedrowcount (kind, locale, count)
    SELECT kind, locale, COUNT(*) FROM api_storedrepresentation GROUP BY kind, locale
    """,
]


def _invalidate_row_tags(clock: str) -> str:
    """Statements setting, to ``clock`` (an SQL expression), the cache tags of the page's stored rows: each row's
    object tag and its kind's list tag, as the registry names them. Any cached response showing or listing the
    row (search, routes, sitemap…) is then stale, even when the page was changed by a raw ``UPDATE``."""
    list_tag = "CASE kind " + " ".join(f"WHEN '{kind.key}' THEN '{kind.list_tag}'" for kind in KINDS) + " END"
    return "\n".join(
        f"""
        INSERT INTO api_cachetagversion (tag, version)
            SELECT DISTINCT {tag}, {clock} FROM api_storedrepresentation WHERE page_id = NEW.id
            ON CONFLICT (tag) DO UPDATE SET version = excluded.version;"""
        for tag in (object_tag_sql("kind", "object_id"), list_tag)
    )


def statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        invalidate = _invalidate_row_tags("clock")
        return [s.replace("{clock}", CLOCK_TAG).replace("{invalidate}", invalidate) for s in POSTGRESQL]
    invalidate = _invalidate_row_tags(f"(SELECT version FROM api_cachetagversion WHERE tag = '{CLOCK_TAG}')")
    return [s.replace("{clock}", CLOCK_TAG).replace("{invalidate}", invalidate) for s in SQLITE]


def install(using: str = "default") -> None:
    """(Re)create the triggers and recount the rows, in one transaction (idempotent)."""
    connection = connections[using]
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for statement in [*statements(connection.vendor), *RECOUNT]:
            cursor.execute(statement)


def installed(using: str = "default") -> set[str]:
    """Names of the triggers above that exist in the database (for checks and tests)."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT tgname FROM pg_trigger WHERE tgname LIKE 'api_stored_%' AND NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'api_stored_%'")
        return {name for (name,) in cursor.fetchall()}


def expected(vendor: str) -> set[str]:
    names = set()
    for statement in statements(vendor):
        words = statement.split()
        if words[:2] == ["CREATE", "TRIGGER"]:
            names.add(words[2])
    return names
