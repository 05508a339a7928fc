"""A trigram index for the ESCO label search (`search_text LIKE '%text%'`), on PostgreSQL only.

As for the participant search (decision 0007): a B-tree cannot serve a LIKE with a leading wildcard.
SQLite keeps scanning its 18,000-row label table (a few milliseconds per language).
"""

from django.db import migrations

INDEX = "esco_label_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON esco_label USING gin (search_text gin_trgm_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("esco", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
