"""Reading the audit log: a coordinator for their partners, a participant for themselves."""

from __future__ import annotations

from django.db.models import QuerySet

from polku.accounts.access import Access
from polku.audit.models import AuditEvent


def audit_events_for_staff(*, access: Access, partner_id: int | None = None) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("person")
    if not access.is_admin:
        events = events.filter(partner_id__in=access.coordinator_partner_ids)
    if partner_id is not None:
        events = events.filter(partner_id=partner_id)
    return events


def audit_events_about_person(*, person_id: int) -> QuerySet[AuditEvent]:
    """Who accessed or changed this person's data (what a participant sees of the log)."""
    return AuditEvent.objects.filter(person_id=person_id).exclude(actor__person__id=person_id)
