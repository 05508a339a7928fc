"""A trigram index for the participant search (`search_name LIKE '%text%'`), on PostgreSQL only.

A B-tree cannot serve a LIKE with a leading wildcard, so without this PostgreSQL reads every person
to filter and count a search. pg_trgm is a trusted extension (PostgreSQL 13+): the database owner
may create it. SQLite has no such index and keeps scanning, which is fine at its scale.
See docs/benchmarks.md for the figures.
"""

from django.db import migrations

INDEX = "participants_person_search_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON participants_person USING gin (search_name gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("participants", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
