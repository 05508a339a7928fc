"""Reads of the privacy service: a person's data export, retention status, erasure requests."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.personal_data import Section, providers
from polku.participants.models import Participation, Person
from polku.privacy.models import ErasureRequest
from polku.privacy.rules import is_due, keep_until
from polku.projects.models import Project

EXPORT_FORMAT = "polku-personal-data/1"


def person_export(*, person: Person) -> dict[str, Any]:
    """Everything the registered apps hold about the person, as one JSON-serialisable document."""
    sections: dict[str, Section] = {}
    for provider in providers():
        if provider.export is not None:
            sections.update(provider.export(person))
    return {
        "format": EXPORT_FORMAT,
        "generated_at": timezone.now().isoformat(),
        "person_id": person.pk,
        "sections": sections,
    }


def person_export_for_staff(*, access: Access, actor: User, participation_id: int) -> dict[str, Any]:
    """A coordinator produces the export for a participant of their partner; the export is audited."""
    queryset = Participation.objects.select_related("person")
    if not access.is_admin:
        queryset = queryset.filter(partner_id__in=access.coordinator_partner_ids)
    participation = get_object_or_404(queryset, pk=participation_id)
    document = person_export(person=participation.person)
    audit_record(
        actor=actor,
        action=AuditEvent.Action.EXPORT,
        obj=participation.person,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=sorted(document["sections"]),
    )
    return document


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _readable(value: Any) -> Any:
    """ISO dates and times back to date objects, so that the page shows them in the reader's format."""
    if isinstance(value, str):
        if ISO_DATE.match(value):
            return dt.date.fromisoformat(value)
        if ISO_DATETIME.match(value):
            moment = dt.datetime.fromisoformat(value)
            return timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return value


def readable_sections(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The export's sections for the page: each record as (label, readable value) pairs."""
    shown = []
    for key, data in document["sections"].items():
        labels, choices = data["labels"], data.get("choices", {})
        rows = []
        for record in data["records"]:
            pairs = []
            for name, value in record.items():
                if isinstance(value, list):
                    value = ", ".join(str(choices.get(name, {}).get(str(v), v)) for v in value)
                elif value not in (None, ""):
                    value = _readable(choices.get(name, {}).get(str(value), value))
                pairs.append((labels.get(name, name), value))
            rows.append(pairs)
        shown.append({"key": key, "title": data["title"], "labels": list(labels.values()), "rows": rows})
    return shown


# --- retention ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectRetention:
    project: Project
    keep_until: dt.date
    legal_hold: bool
    due: bool
    people: int  # people with a participation in the project, not yet anonymised
    due_people: int  # of them, those anonymised now (every project of theirs is due)


def project_keep_until(project: Project) -> dt.date:
    return keep_until(
        last_payment_on=project.last_payment_on or project.ends_on, retention_years=project.retention_years
    )


def due_project_ids(*, today: dt.date) -> tuple[set[int], set[int]]:
    """(ids of projects past retention and not on hold, ids of the others)."""
    due: set[int] = set()
    kept: set[int] = set()
    for project in Project.objects.only("id", "ends_on", "last_payment_on", "retention_years", "legal_hold"):
        past = is_due(keep_until_on=project_keep_until(project), today=today, legal_hold=project.legal_hold)
        (due if past else kept).add(project.pk)
    return due, kept


def persons_due(*, today: dt.date) -> QuerySet[Person]:
    """People not yet anonymised all of whose participations are in projects past retention (none on hold)."""
    due, kept = due_project_ids(today=today)
    return (
        Person.objects.filter(anonymised_at__isnull=True, participations__project_id__in=due)
        .exclude(participations__project_id__in=kept)
        .distinct()
        .order_by("pk")
    )


def retention_overview(*, access: Access, today: dt.date) -> list[ProjectRetention]:
    """Per project the reader leads (all for admins): the retention date and how many people would go."""
    projects = Project.objects.order_by("name")
    if not access.is_admin:
        projects = projects.filter(pk__in=access.lead_project_ids)
    due_ids = set(persons_due(today=today).values_list("pk", flat=True))
    rows = []
    for project in projects:
        people = set(
            Participation.objects.filter(project=project, person__anonymised_at__isnull=True).values_list(
                "person_id", flat=True
            )
        )
        until = project_keep_until(project)
        rows.append(
            ProjectRetention(
                project=project,
                keep_until=until,
                legal_hold=project.legal_hold,
                due=is_due(keep_until_on=until, today=today, legal_hold=project.legal_hold),
                people=len(people),
                due_people=len(people & due_ids),
            )
        )
    return rows


# --- erasure requests -----------------------------------------------------------------------------------


def erasure_requests_for_staff(*, access: Access) -> QuerySet[ErasureRequest]:
    """Requests of people of the reader's partners (all for admins), newest first."""
    requests = ErasureRequest.objects.select_related("person", "handled_by", "requested_by")
    if not access.is_admin:
        requests = requests.filter(
            person__participations__partner_id__in=access.coordinator_partner_ids
        ).distinct()
    return requests.order_by("-requested_at", "-id")


def erasure_request_get(*, access: Access, pk: int) -> ErasureRequest:
    return get_object_or_404(erasure_requests_for_staff(access=access), pk=pk)


def erasure_requests_of_person(*, person_id: int) -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.filter(person_id=person_id).order_by("-requested_at", "-id")
