"""Writing the audit log. Called by the services that change personal data and by the selectors
that show it to staff; never from views or templates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models, transaction
from django.utils import timezone

from polku.audit.chain import CHAINED_FIELDS, GENESIS, digest
from polku.audit.models import AuditEvent
from polku.core.middleware import current_origin

if TYPE_CHECKING:
    from polku.accounts.models import User


# The transaction-scoped PostgreSQL advisory lock that makes the chain linear: one writer of the log at a
# time, held until its transaction ends (so the next writer sees its event as the last one).
CHAIN_LOCK = 0x706F6C6B75  # "polku"


def _chain_head(connection) -> tuple[int, dt.datetime | None, str]:
    """Under the chain lock: the next event's id and the time and hash of the last event in the chain."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CHAIN_LOCK])
            cursor.execute("SELECT nextval(pg_get_serial_sequence('audit_auditevent', 'id'))")
            next_id = cursor.fetchone()[0]
        else:
            # SQLite: Polku opens every transaction with BEGIN IMMEDIATE, so this one is the only writer.
            cursor.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_auditevent")
            next_id = cursor.fetchone()[0]
    last = AuditEvent.objects.order_by("-at", "-id").values_list("at", "hash").first()
    return (next_id, *last) if last else (next_id, None, GENESIS)


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    person_id: int | None = None,
    partner_id: int | None = None,
    fields: Iterable[str] = (),
) -> AuditEvent:
    """Append an event to the log, chained to the last one (polku.audit.chain)."""
    origin = current_origin.get()
    with transaction.atomic():
        next_id, last_at, prev_hash = _chain_head(transaction.get_connection())
        now = timezone.now()
        event = AuditEvent(
            id=next_id,
            # never before the last event, so that a new event is always the chain's last, even when the
            # clocks of two servers differ a little
            at=max(now, last_at) if last_at else now,
            actor=actor if actor is not None and actor.is_authenticated else None,
            actor_label=(actor.email if actor is not None and actor.is_authenticated else "system"),
            action=action,
            object_type=obj._meta.label_lower,
            object_id=str(obj.pk),
            person_id=person_id,
            partner_id=partner_id,
            fields=sorted(set(fields)),
            ip_address=origin.ip_address if origin else None,
            user_agent=origin.user_agent if origin else "",
            prev_hash=prev_hash,
        )
        event.hash = digest(prev_hash, {name: getattr(event, name) for name in CHAINED_FIELDS})
        event.save(force_insert=True)
    return event


def audit_staff_read(
    *, actor: User, obj: models.Model, person_id: int, partner_id: int | None, fields: Iterable[str]
) -> None:
    """Record that a staff member read a participant's data; a person reading their own data is not logged."""
    person = getattr(actor, "person", None) if hasattr(actor, "person") else None
    if person is not None and person.pk == person_id:
        return
    audit_record(
        actor=actor,
        action=AuditEvent.Action.READ,
        obj=obj,
        person_id=person_id,
        partner_id=partner_id,
        fields=fields,
    )


def changed_fields(instance: models.Model, data: dict) -> list[str]:
    """Names of the fields whose value in `data` differs from the instance's."""
    return [name for name, value in data.items() if getattr(instance, name, None) != value]
