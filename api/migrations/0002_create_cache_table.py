"""Create the database cache table when the database cache is configured (no REDIS_URL).

Publishing purges cached API responses, so the table must exist before any content is published — including by
`load_demo` right after `migrate` on a fresh database. `createcachetable` is idempotent and does nothing for
non-database caches.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
