"""The web and worker processes can run as a PostgreSQL role that owns no table (issue 18, decision 0061):
with the grants of `polku dbroles` it works with rows but cannot switch the audit log's trigger off, nor
change, delete or truncate audit events."""

from __future__ import annotations

import io
import secrets

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from polku.audit.dbroles import app_role_grants
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.participants.models import Person

POSTGRESQL = pytest.mark.skipif(connection.vendor != "postgresql", reason="roles are PostgreSQL's")


@pytest.fixture
def app_role(db):
    """A role made inside the test's transaction (so it goes with it), granted by `polku dbroles --apply`;
    the connection acts as it until the end of the test."""
    role = f"polku_app_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE ROLE "{role}" NOLOGIN')
    call_command("dbroles", "--app-role", role, "--apply", stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f'SET ROLE "{role}"')
    yield role
    with connection.cursor() as cursor:
        cursor.execute("RESET ROLE")


def _refused(sql: str, params: list | None = None) -> str:
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params or [])
    return str(error.value)


@POSTGRESQL
def test_the_application_role_cannot_disable_the_trigger_or_rewrite_the_log(world, app_role):
    event = audit_record(
        actor=world.coord_a, action="read", obj=world.part_a, person_id=world.part_a.person_id
    )

    assert "must be owner" in _refused("ALTER TABLE audit_auditevent DISABLE TRIGGER ALL")
    assert "permission denied" in _refused("UPDATE audit_auditevent SET action = 'delete'")
    assert "permission denied" in _refused("DELETE FROM audit_auditevent")
    assert "permission denied" in _refused("TRUNCATE audit_auditevent")
    assert "must be owner" in _refused("DROP TRIGGER audit_auditevent_append_only ON audit_auditevent")
    assert AuditEvent.objects.get(pk=event.pk).action == "read"


@POSTGRESQL
def test_the_application_role_writes_events_and_other_rows(world, app_role):
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        assert cursor.fetchone()[0] == app_role

    event = audit_record(
        actor=world.coord_a, action="read", obj=world.part_a, person_id=world.part_a.person_id
    )
    Person.objects.filter(pk=world.part_a.person_id).update(phone="+358401234567")

    assert AuditEvent.objects.filter(pk=event.pk).exists()
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact" in out.getvalue()


@POSTGRESQL
def test_the_application_role_may_unlink_a_removed_user_from_events(world, app_role):
    """Deleting a login nulls the events' link to it (Django's SET_NULL is an UPDATE): the one change allowed."""
    event = audit_record(
        actor=world.stranger, action="read", obj=world.part_a, person_id=world.part_a.person_id
    )

    AuditEvent.objects.filter(pk=event.pk).update(actor=None)

    assert AuditEvent.objects.get(pk=event.pk).actor_id is None
    assert "append-only" in _refused("UPDATE audit_auditevent SET person_id = %s", [world.part_b.person_id])


def test_the_grants_keep_the_audit_log_append_only():
    statements = app_role_grants(role="polku_app", database="polku")

    assert 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_auditevent FROM "polku_app"' in statements
    assert 'GRANT UPDATE (actor_id, person_id, partner_id) ON audit_auditevent TO "polku_app"' in statements
    assert not any("CREATE" in statement or "OWNER" in statement for statement in statements)


def test_a_role_name_that_is_not_a_plain_name_is_refused():
    with pytest.raises(ValueError, match="lower-case"):
        app_role_grants(role='x"; DROP TABLE audit_auditevent; --', database="polku")


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor == "postgresql", reason="the message for SQLite")
def test_the_command_says_sqlite_has_no_roles():
    with pytest.raises(CommandError, match="SQLite has no roles"):
        call_command("dbroles", "--app-role", "polku_app")
