"""What a populated database holds, printed as JSON: ``python -m tests.ops.populated_database [--rebuild]``.

Run in a subprocess against the database ``DATABASE_URL`` names (the R4 migration test's own database), so this
test process's connections and caches (content types, sites) never mix two databases.

* ``tables``: rows per table;
* ``revisions``: how many, and every one whose ``as_object()`` fails or names another object;
* ``stored``: the content hash of every stored public representation;
* with ``--rebuild``: how many stored representations each kind rebuilt and how many came out different.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def table_counts() -> dict[str, int]:
    from django.db import connection

    with connection.cursor() as cursor:
        counts = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the catalogue
            counts[table] = cursor.fetchone()[0]
    return counts


def revision_failures() -> tuple[int, list[str]]:
    from wagtail.models import Revision

    failures, count = [], 0
    for revision in Revision.objects.select_related("content_type").order_by("pk").iterator():
        count += 1
        try:
            obj = revision.as_object()
            if str(obj.pk) != str(revision.object_id):
                failures.append(f"revision {revision.pk}: loads object {obj.pk}, not {revision.object_id}")
        except Exception as error:  # noqa: BLE001 - any revision that does not load is the finding
            failures.append(f"revision {revision.pk} ({revision.content_type}): {type(error).__name__}: {error}")
    return count, failures


def stored_hashes() -> dict[str, str]:
    from api.published.models import StoredRepresentation

    rows = StoredRepresentation.objects.values_list("kind", "object_id", "locale", "content_hash")
    return {f"{kind}:{object_id}:{locale}": content_hash for kind, object_id, locale, content_hash in rows}


def rebuild_all() -> dict[str, dict[str, int]]:
    from api.published.maintenance import rebuild_kind
    from api.published.registry import KIND_KEYS

    return {key: vars(rebuild_kind(key)) for key in KIND_KEYS}


def snapshot(rebuild: bool = False) -> dict[str, Any]:
    revisions, failures = revision_failures()
    data: dict[str, Any] = {
        "tables": table_counts(),
        "revisions": revisions,
        "revision_failures": failures,
        "stored": stored_hashes(),
    }
    if rebuild:
        data["rebuilt"] = rebuild_all()
    return data


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(snapshot(rebuild="--rebuild" in sys.argv[1:])))
