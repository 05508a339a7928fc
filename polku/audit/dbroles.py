"""The grants of the database role that the web and worker processes use on PostgreSQL (decision 0061).

Migrations run as the role that owns the tables. The application's role owns nothing: it reads and writes
rows, but it cannot alter a table, so it cannot disable the audit log's trigger; it may add audit events
but not change, delete or truncate them (only the nulling of the links to a removed user, person or
partner, which Django does with an UPDATE and the trigger checks).
"""

from __future__ import annotations

import re

AUDIT_TABLE = "audit_auditevent"
AUDIT_NULLABLE_LINKS = ("actor_id", "person_id", "partner_id")
ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def app_role_grants(*, role: str, database: str, schema: str = "public") -> list[str]:
    """The statements, run by the owner of the tables after each `polku migrate`, that give `role` what the
    application needs and nothing more."""
    if not ROLE_NAME.match(role):
        raise ValueError("A role name is lower-case letters, digits and underscores.")
    r, db, s = f'"{role}"', '"' + database.replace('"', '""') + '"', '"' + schema.replace('"', '""') + '"'
    links = ", ".join(AUDIT_NULLABLE_LINKS)
    return [
        f"GRANT CONNECT ON DATABASE {db} TO {r}",
        f"GRANT USAGE ON SCHEMA {s} TO {r}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {r}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {s} TO {r}",
        # the audit log: append only
        f"REVOKE UPDATE, DELETE, TRUNCATE ON {AUDIT_TABLE} FROM {r}",
        f"GRANT UPDATE ({links}) ON {AUDIT_TABLE} TO {r}",
        # tables and sequences that later migrations create (by this same owner)
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {r}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {s} GRANT USAGE, SELECT ON SEQUENCES TO {r}",
    ]
