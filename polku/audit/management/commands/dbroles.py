"""`polku dbroles --app-role polku_app [--apply]`: the grants of the role the web and worker processes use.

Prints the SQL (or, with --apply, runs it) as the owner of the tables, after `polku migrate`. The role itself
is made once by the database administrator: `CREATE ROLE polku_app LOGIN PASSWORD '…'`. See
docs/deployment.md.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from polku.audit.dbroles import app_role_grants


class Command(BaseCommand):
    help = "Print (or apply) the grants of the PostgreSQL role that runs the web and worker processes."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--app-role", required=True, help="the role the web and worker processes log in as"
        )
        parser.add_argument(
            "--apply", action="store_true", help="run the statements instead of printing them"
        )

    def handle(self, *args: object, app_role: str, apply: bool, **options: object) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("Database roles are for PostgreSQL; SQLite has no roles.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_database(), current_schema()")
            database, schema = cursor.fetchone()
        try:
            statements = app_role_grants(role=app_role, database=database, schema=schema)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if not apply:
            self.stdout.write("\n".join(f"{statement};" for statement in statements))
            return
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        self.stdout.write(f"Granted {app_role} the application's rights on {database}.")
