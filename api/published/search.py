"""Full-text search over the stored rows, written in the same transaction as the row.

PostgreSQL: a weighted ``tsvector`` column (``search_document``: title A, summary B, body C, each through
``unaccent`` and the text-search configuration of the row's language — ``english``, ``spanish``… from
:data:`TEXT_SEARCH_CONFIGS`, ``simple`` for a language without one) with a GIN index, both added by migration.
A query is parsed with the configuration of the rows it searches, so Spanish words are stemmed as Spanish. SQLite: an FTS5 table
(``api_representation_fts``, porter stemming, diacritics removed) whose rowid is the stored row's id, ranked
with ``bm25`` using the same column weights (porter stemming is English-only: Spanish matches whole words there).

The query is words only (see :func:`api.search.normalise_query`), OR-ed, passed as a parameter — never SQL.
"""

from __future__ import annotations

from django.db import connection

from .registry import BY_KEY

FTS_TABLE = "api_representation_fts"
PG_WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.1}
SQLITE_WEIGHTS = {"A": 10.0, "B": 4.0, "C": 1.0}
COLUMNS = ("title", "summary", "body")
# PostgreSQL text-search configuration per language (passed as a ``regconfig`` parameter, never interpolated).
TEXT_SEARCH_CONFIGS = {"en": "english", "es": "spanish", "fr": "french", "ru": "russian"}


def text_search_config(locale: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(locale.split("-")[0], "simple")


def index_row(record_id: int, kind: str, search: dict[str, str], locale: str = "en") -> None:
    """(Re)write the full-text document of stored row ``record_id`` (text in ``locale``)."""
    weights = BY_KEY[kind].search_weights
    texts = [search.get(column, "") or "" for column in COLUMNS]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            parts = " || ".join(
                f"setweight(to_tsvector(%s::regconfig, unaccent(%s)), '{weights[column]}')" for column in COLUMNS
            )
            config = text_search_config(locale)
            params = [item for text in texts for item in (config, text)]
            cursor.execute(
                f"UPDATE api_storedrepresentation SET search_document = {parts} WHERE id = %s", [*params, record_id]
            )
        else:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [record_id])
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, summary, body) VALUES (%s, %s, %s, %s)", [record_id, *texts]
            )


def unindex_rows(record_ids: list[int]) -> None:
    if connection.vendor != "postgresql" and record_ids:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(record_ids))})", record_ids
            )


def match_sql(words: list[str], locale: str = "en") -> tuple[str, list, str, list]:
    """(WHERE condition on the stored row, its params, rank expression — higher is better —, its params), for
    rows whose text is in ``locale``."""
    if connection.vendor == "postgresql":
        query = " or ".join(words)
        config = text_search_config(locale)
        # Immutable with constant arguments (verity_unaccent: migration api 0010), so PostgreSQL folds the tsquery
        # into a constant when it plans: built once, and the planner can estimate how many rows it matches.
        tsquery = "websearch_to_tsquery(%s::regconfig, verity_unaccent(%s))"
        condition = f"api_storedrepresentation.search_document @@ {tsquery}"
        # ts_rank's weight array is {D, C, B, A}.
        rank = f"ts_rank(ARRAY[%s, %s, %s, %s]::float4[], api_storedrepresentation.search_document, {tsquery})"
        weights = [0.0, PG_WEIGHTS["C"], PG_WEIGHTS["B"], PG_WEIGHTS["A"]]
        return condition, [config, query], rank, [*weights, config, query]
    query = " OR ".join(f'"{word}"' for word in words)
    weights = ", ".join(str(SQLITE_WEIGHTS[letter]) for letter in ("A", "B", "C"))
    condition = f"api_storedrepresentation.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
    rank = (
        f"(SELECT -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "
        f"WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid = api_storedrepresentation.id)"
    )
    return condition, [query], rank, [query]
