"""The audit log is tamper-evident (issue 18, decision 0061): events are hash-chained in time order and
`polku audit verify` finds the first broken link; on PostgreSQL the database refuses TRUNCATE and
backdated INSERTs."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from polku.audit import services
from polku.audit.chain import CHAINED_FIELDS, GENESIS, digest
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.testing.asserts import present

POSTGRESQL = pytest.mark.skipif(connection.vendor != "postgresql", reason="the triggers are PostgreSQL's")


def _record(world, n: int = 3) -> list[AuditEvent]:
    return [
        audit_record(
            actor=world.coord_a,
            action="read",
            obj=world.part_a,
            person_id=world.part_a.person_id,
            fields=[f"field_{i}"],
        )
        for i in range(n)
    ]


def _verify() -> str:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def _broken_at() -> str:
    with pytest.raises(CommandError) as error:
        _verify()
    return str(error.value)


def _as_owner_without_trigger(sql: str, params: list) -> None:
    """What the owner of the table (or a superuser) could do: switch the trigger off and write."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SET CONSTRAINTS ALL IMMEDIATE"
            )  # no deferred checks pending: the table may be altered
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_auditevent_append_only")
        cursor.execute(sql, params)
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_auditevent_append_only")


def _forge(*, at: dt.datetime, prev_hash: str) -> int:
    """A raw INSERT of an event that looks right: its own hash is correct for its content."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(id) + 1000 FROM audit_auditevent")
        forged_id = cursor.fetchone()[0]
    content = {
        "id": forged_id,
        "at": at,
        "actor_label": "coord.a@example.org",
        "action": "read",
        "object_type": "participants.participation",
        "object_id": "1",
        "fields": ["nothing"],
        "ip_address": None,
        "user_agent": "",
    }
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO audit_auditevent (id, at, actor_label, action, object_type, object_id, fields, "
            "ip_address, user_agent, prev_hash, hash) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                forged_id,
                at,
                content["actor_label"],
                content["action"],
                content["object_type"],
                content["object_id"],
                json.dumps(content["fields"]),
                None,
                "",
                prev_hash,
                digest(prev_hash, content),
            ],
        )
    return forged_id


def test_each_event_carries_the_hash_of_the_one_before(world):
    events = _record(world)

    assert events[0].prev_hash == GENESIS
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    for event in AuditEvent.objects.filter(pk__in=[e.pk for e in events]):
        assert event.hash == digest(event.prev_hash, {name: getattr(event, name) for name in CHAINED_FIELDS})


def test_verify_reports_an_intact_chain_and_its_last_hash(world):
    events = _record(world)

    out = _verify()

    assert f"{len(events)} events" in out
    assert events[-1].hash in out


def test_a_backdated_forged_insert_is_found(world):
    """A forger with write access inserts an event with an earlier time and a correct hash of its own; the
    event after it in time no longer links to its predecessor."""
    *_, third = _record(world)
    forged_at = third.at - dt.timedelta(seconds=1)  # between the events already written (or before them)
    before = AuditEvent.objects.filter(at__lte=forged_at).order_by("at", "id").last()

    _forge(at=forged_at, prev_hash=before.hash if before else GENESIS)

    after = present(
        AuditEvent.objects.filter(at__gt=forged_at, pk__lte=third.pk).order_by("at", "id").first()
    )
    message = _broken_at()
    assert f"broken at event {after.pk}:" in message
    assert "previous hash" in message


def test_a_changed_event_is_found_even_with_the_trigger_switched_off(world):
    _, second, _ = _record(world)

    _as_owner_without_trigger("UPDATE audit_auditevent SET actor_label = %s WHERE id = %s", ["x", second.pk])

    message = _broken_at()
    assert f"broken at event {second.pk}" in message
    assert "does not match its content" in message


def test_a_removed_event_is_found(world):
    _, second, third = _record(world)

    _as_owner_without_trigger("DELETE FROM audit_auditevent WHERE id = %s", [second.pk])

    assert f"broken at event {third.pk}" in _broken_at()


def test_the_application_sets_the_time_never_before_the_last_event(world, monkeypatch):
    """A server whose clock is a little behind still appends at the chain's end."""
    (last,) = _record(world, 1)
    monkeypatch.setattr(services.timezone, "now", lambda: last.at - dt.timedelta(seconds=30))

    (event,) = _record(world, 1)

    assert event.at == last.at
    assert event.prev_hash == last.hash
    assert "2 events" in _verify()


def test_an_event_cannot_be_saved_around_audit_record(world):
    event = AuditEvent(at=timezone.now(), actor_label="x", action="read", object_type="x", object_id="1")

    with pytest.raises(RuntimeError, match="audit_record"):
        event.save()


@POSTGRESQL
def test_the_database_refuses_a_backdated_insert(world):
    _record(world, 1)

    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        _forge(at=timezone.now() - dt.timedelta(days=1), prev_hash=GENESIS)


@POSTGRESQL
def test_the_database_refuses_truncate(world):
    _record(world, 1)

    with (
        pytest.raises(DatabaseError, match="TRUNCATE is refused"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        # the test suite's sessions may empty tables (settings_test); a deployment's may not
        cursor.execute("SET LOCAL polku.audit_truncate = 'no'")
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE audit_auditevent")
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_migration_chains_the_events_already_in_the_log():
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("audit", "0003_append_only_trigger")])
        executor = MigrationExecutor(connection)
        old = executor.loader.project_state([("audit", "0003_append_only_trigger")]).apps
        OldEvent = old.get_model("audit", "AuditEvent")
        for n in range(3):
            OldEvent.objects.create(
                actor_label="old@example.org", action="read", object_type="x", object_id=n
            )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert "3 events" in _verify()
    assert present(AuditEvent.objects.order_by("at", "id").first()).prev_hash == GENESIS
