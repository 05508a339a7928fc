"""Reading the audit log: a coordinator for their partners, a participant for themselves."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils.translation import gettext

from polku.accounts.access import Access
from polku.audit.chain import CHAINED_FIELDS, Verdict, verify
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


def _model_of(event: AuditEvent):
    try:
        return apps.get_model(event.object_type)
    except (LookupError, ValueError):
        return None


def object_label(event: AuditEvent) -> str:
    """What the event is about in words, in the active language (e.g. "participation"), never the
    internal name of the table; "record" when the kind of data no longer exists."""
    model = _model_of(event)
    return str(model._meta.verbose_name) if model is not None else gettext("record")


def field_labels(event: AuditEvent) -> list[str]:
    """The fields read or changed in words (their labels in the active language), not their names."""
    model = _model_of(event)
    labels = []
    for name in event.fields:
        try:
            field = model._meta.get_field(name) if model is not None else None
        except FieldDoesNotExist:
            field = None
        verbose = getattr(field, "verbose_name", None)
        labels.append(str(verbose) if verbose else name.replace("_", " "))
    return labels


def described(events: Iterable[AuditEvent]) -> list[dict[str, Any]]:
    """Events as a person reads them: when, who, what was done to which data, which fields, in words."""
    return [
        {
            "at": event.at,
            "who": gettext("Polku (an automatic task)")
            if event.actor_label == "system"
            else event.actor_label,
            "action": event.action,
            "action_label": event.get_action_display(),
            "what": object_label(event),
            "fields": field_labels(event),
        }
        for event in events
    ]


def audit_chain_verify() -> Verdict:
    """Check the whole log's hash chain, oldest event first (polku.audit.chain); reads in batches."""
    events = AuditEvent.objects.order_by("at", "id").values(*CHAINED_FIELDS, "prev_hash", "hash")
    return verify(events.iterator(chunk_size=5000))
