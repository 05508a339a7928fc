import pytest
from django.db import DatabaseError, connection, transaction

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record


def test_events_cannot_be_changed_or_deleted_through_the_orm(world):
    event = audit_record(
        actor=world.coord_a, action="read", obj=world.part_a, person_id=world.part_a.person_id
    )
    event.action = "update"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_database_refuses_raw_updates_and_deletes(world):
    audit_record(actor=world.coord_a, action="read", obj=world.part_a, person_id=world.part_a.person_id)
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.update(action="delete")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEvent.objects.all()._raw_delete(AuditEvent.objects.db)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL only")
def test_deleting_a_user_keeps_the_event_with_its_label(world):
    audit_record(actor=world.stranger, action="read", obj=world.part_a, person_id=world.part_a.person_id)
    world.stranger.delete()
    event = AuditEvent.objects.get(actor_label="stranger@example.org")
    assert event.actor_id is None


def test_audit_records_the_client_address_behind_a_trusted_proxy(client, world, settings):
    settings.POLKU_TRUSTED_PROXY_COUNT = 1
    client.force_login(world.coord_a)
    client.get(
        f"/participants/{world.part_a.pk}/",
        HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.2",
        REMOTE_ADDR="10.0.0.1",
    )
    assert AuditEvent.objects.filter(action="read").latest("at").ip_address == "10.0.0.2"
    settings.POLKU_TRUSTED_PROXY_COUNT = 0
    client.get(
        f"/participants/{world.part_a.pk}/", HTTP_X_FORWARDED_FOR="203.0.113.7", REMOTE_ADDR="10.0.0.1"
    )
    assert AuditEvent.objects.filter(action="read").latest("id").ip_address == "10.0.0.1"
