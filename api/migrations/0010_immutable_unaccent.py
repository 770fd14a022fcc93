"""``verity_unaccent(text)``: ``unaccent`` with its dictionary named, declared IMMUTABLE (PostgreSQL only).

``unaccent(text)`` is STABLE (it looks its dictionary up by name on the search path), so PostgreSQL neither
folds ``websearch_to_tsquery(cfg, unaccent('…'))`` into a constant when it plans a search nor can it estimate
how many rows the query matches. With the dictionary fixed, the wrapper is immutable: the tsquery becomes a
constant at plan time, is built once per statement, and the planner sees how common the words are (walking the
recency index for common words instead of reading every match). The function names the schema the extension
lives in, found when the migration runs.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'")
        (schema,) = cursor.fetchone()
    schema_editor.execute(
        "CREATE OR REPLACE FUNCTION verity_unaccent(text) RETURNS text "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT "
        f"AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS verity_unaccent(text)")


class Migration(migrations.Migration):
    dependencies = [("api", "0009_stored_rows_per_locale")]

    operations = [migrations.RunPython(create, drop)]
