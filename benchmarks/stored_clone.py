"""Stored representations for bulk-cloned articles, cloned in SQL from the template article's built row.

Building a representation costs about 60 ms of CPU per article (blocks, bylines, stamps, JSON-LD), so building
10,000 clones one by one takes over ten minutes. The clones differ from their template only in id, slug, title
and tree position, so their rows are the template's row with those patched (in the JSON too), the page's live
revision and window, a fresh content hash, the template's facets and its full-text document; the gzip body is
compressed in Python afterwards (as the product's build does). PostgreSQL only, like the bulk loader; a row
built later by the product replaces a cloned one.
"""

from __future__ import annotations

SLUG_PATTERN = "bench-article-%"
# Columns computed per clone; every other column of the stored table is copied from the template row.
PATCHED = {
    "object_id": "p.id",
    "page_id": "p.id",
    "slug": "p.slug",
    "title": "p.title",
    "tree_path": "p.path",
    "revision_id": "p.live_revision_id",
    "go_live_at": "p.go_live_at",
    "expire_at": "p.expire_at",
    "path": "replace(t.path, t.slug, p.slug)",
    "detail_json": "j.detail",
    "detail_gzip": "''::bytea",  # compressed by _compress_clones once the patched JSON exists
    "summary_json": "j.summary",
    "content_hash": "encode(sha256(j.detail), 'hex')",
    "cache_tags": "replace(t.cache_tags::text, 'article-' || t.object_id, 'article-' || p.id)::jsonb",
    "search_title": "p.title",
}


def _patched_json(column: str) -> str:
    text = f"convert_from(t.{column}, 'UTF8')"
    for old, new in (("t.slug", "p.slug"), ("t.title", "p.title")):
        text = f"replace({text}, {old}, {new})"
    text = f"""replace({text}, '{{"id":' || t.object_id || ',', '{{"id":' || p.id || ',')"""
    return f"convert_to({text}, 'UTF8')"


def clone_stored_rows(template_page_id: int) -> int:
    """Insert the stored rows (and facets) of every benchmark article that has none; returns how many."""
    from django.db import connection, transaction

    from api.published.rebuild import rebuild

    with transaction.atomic(), connection.cursor() as cursor:
        rebuild("article", template_page_id)
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'api_storedrepresentation' "
            "AND column_name <> 'id' ORDER BY ordinal_position"
        )
        columns = [row[0] for row in cursor.fetchall()]
        values = ", ".join(PATCHED.get(column, f"t.{column}") for column in columns)
        cursor.execute(
            f"""
            INSERT INTO api_storedrepresentation ({", ".join(columns)})
            SELECT {values}
            FROM api_storedrepresentation t
            JOIN wagtailcore_page p ON p.slug LIKE %s AND p.id <> t.object_id AND p.live
            CROSS JOIN LATERAL (
                SELECT {_patched_json("detail_json")} AS detail, {_patched_json("summary_json")} AS summary
            ) j
            WHERE t.kind = 'article' AND t.object_id = %s
              AND NOT EXISTS (
                SELECT 1 FROM api_storedrepresentation s WHERE s.kind = 'article' AND s.object_id = p.id
              )
            """,
            [SLUG_PATTERN, template_page_id],
        )
        inserted = cursor.rowcount
        cursor.execute(
            """
            INSERT INTO api_representationfacet (record_id, facet, value)
            SELECT s.id, f.facet, f.value
            FROM api_storedrepresentation s
            JOIN api_storedrepresentation t ON t.kind = 'article' AND t.object_id = %s
            JOIN api_representationfacet f ON f.record_id = t.id
            WHERE s.kind = 'article' AND s.slug LIKE %s AND s.id <> t.id
              AND NOT EXISTS (SELECT 1 FROM api_representationfacet e WHERE e.record_id = s.id)
            """,
            [template_page_id, SLUG_PATTERN],
        )
        _compress_clones(cursor)
    return inserted


def _compress_clones(cursor, batch: int = 500) -> None:
    """Give every cloned row the gzip body the product would store (clients such as locust send
    ``Accept-Encoding: gzip`` and are served that column)."""
    from api.published.build import compressed

    while True:
        cursor.execute(
            "SELECT id, detail_json FROM api_storedrepresentation "
            "WHERE kind = 'article' AND slug LIKE %s AND detail_gzip = ''::bytea LIMIT %s",
            [SLUG_PATTERN, batch],
        )
        rows = cursor.fetchall()
        if not rows:
            return
        cursor.executemany(
            "UPDATE api_storedrepresentation SET detail_gzip = %s WHERE id = %s",
            [(compressed(bytes(body)), row_id) for row_id, body in rows],
        )
