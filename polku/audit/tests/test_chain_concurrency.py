"""Events written at the same moment on PostgreSQL still form one chain (the advisory lock of audit_record)."""

from __future__ import annotations

import io

from django.core.management import call_command

from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_events_written_at_the_same_moment_form_one_chain(world):
    def write() -> AuditEvent:
        return audit_record(actor=None, action="read", obj=world.part_a, person_id=world.part_a.person_id)

    results = race([write] * 6)

    assert all(isinstance(result, AuditEvent) for result in results), results
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "intact: 6 events" in out.getvalue()
    assert len({event.prev_hash for event in AuditEvent.objects.all()}) == 6
