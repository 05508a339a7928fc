"""Writing the audit log. Called by the services that change personal data and by the selectors
that show it to staff; never from views or templates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db import models

from polku.audit.models import AuditEvent
from polku.core.middleware import current_origin

if TYPE_CHECKING:
    from polku.accounts.models import User


def audit_record(
    *,
    actor: User | None,
    action: str,
    obj: models.Model,
    person_id: int | None = None,
    partner_id: int | None = None,
    fields: Iterable[str] = (),
) -> AuditEvent:
    origin = current_origin.get()
    return AuditEvent.objects.create(
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
    )


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
