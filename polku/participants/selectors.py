"""Reads about participants, always through the reader's Access."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.services import audit_staff_read
from polku.consent.models import Consent
from polku.participants.models import EntryData, Participation, Person


@dataclass(frozen=True)
class ParticipantFilter:
    q: str = ""
    project_id: int | None = None
    partner_id: int | None = None
    status: str = ""  # "", "active" or "exited"


def participation_list(*, access: Access, filters: ParticipantFilter) -> QuerySet[Participation]:
    """Participations the reader's partners hold, newest first; a constant number of queries per page."""
    rows = (
        Participation.objects.filter(access.participation_filter())
        .select_related("person", "partner__organisation", "project")
        .only(
            "id",
            "entry_date",
            "exit_date",
            "channel",
            "partner_id",
            "project_id",
            "person_id",
            "person__user_id",
            "person__first_name",
            "person__last_name",
            "person__email",
            "person__preferred_language",
            "partner__organisation__name",
            "partner__country",
            "project__code",
            "project__name",
        )
        .order_by("-entry_date", "-id")
    )
    if filters.q:
        needle = filters.q.strip().lower()
        rows = rows.filter(person__search_name__contains=needle)
    if filters.project_id:
        rows = rows.filter(project_id=filters.project_id)
    if filters.partner_id:
        rows = rows.filter(partner_id=filters.partner_id)
    if filters.status == "active":
        rows = rows.filter(exit_date__isnull=True)
    elif filters.status == "exited":
        rows = rows.filter(exit_date__isnull=False)
    return rows


def participation_get(*, access: Access, pk: int) -> Participation:
    """One participation the reader may see; 404 otherwise (its existence is private too)."""
    queryset = Participation.objects.select_related("person", "partner__organisation", "project")
    if not access.is_admin:
        # Q() | x would collapse to x, so the admin case must not go through the OR.
        own = Q(person_id=access.person_id) if access.person_id is not None else Q(pk__in=[])
        queryset = queryset.filter(access.participation_filter() | own)
    return get_object_or_404(queryset, pk=pk)


def participation_detail_for_staff(*, access: Access, actor: User, pk: int) -> Participation:
    """A participation with its entry data and profile; the read is written to the audit log."""
    participation = participation_get(access=access, pk=pk)
    participation.person.language_list = list(participation.person.languages.all())  # type: ignore[attr-defined]
    entry = EntryData.objects.filter(participation=participation).first()
    participation.entry = entry  # type: ignore[attr-defined]
    audit_staff_read(
        actor=actor,
        obj=participation,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["profile", *(["entry_data"] if entry else [])],
    )
    return participation


def person_participations(*, person: Person) -> QuerySet[Participation]:
    return person.participations.select_related("project", "partner__organisation", "entry_data").order_by(
        "-entry_date"
    )


def person_partner_ids(person_id: int) -> set[int]:
    """The partners the person takes part through (any project)."""
    return set(Participation.objects.filter(person_id=person_id).values_list("partner_id", flat=True))


def can_view_person(access: Access, person_id: int) -> bool:
    """`Access.can_view_person` with the person's partners read from their participations (not read at
    all when the reader is an admin or the person: the rule needs them only for coordinators)."""
    if access.is_admin or (access.person_id is not None and access.person_id == person_id):
        return True
    return access.can_view_person(person_id, person_partner_ids(person_id))


def visible_person(*, access: Access, person_id: int) -> Person:
    """A person the reader may see (see can_view_person); 404 otherwise: their existence is private."""
    if not can_view_person(access, person_id):
        raise Http404
    return get_object_or_404(Person, pk=person_id)


def reading_partner_id(*, access: Access, person_id: int) -> int | None:
    """The partner through which a staff member reads the person, for the audit log's partner filter:
    the reader's own partner of the person's, else (an admin) the person's first partner."""
    partner_ids = sorted(person_partner_ids(person_id))
    own = [p for p in partner_ids if p in access.coordinator_partner_ids]
    first = own or partner_ids
    return first[0] if first else None


def consent_get(*, access: Access, pk: int) -> Consent:
    """A consent of the reader themselves, or of a person their partner serves in that project; 404 otherwise."""
    consents = Consent.objects.select_related("notice")
    if not access.is_admin:
        own = Q(person_id=access.person_id) if access.person_id is not None else Q(pk__in=[])
        # A subquery rather than a join, so that a person in several projects gives one row.
        served = Exists(
            Participation.objects.filter(
                person_id=OuterRef("person_id"),
                project_id=OuterRef("project_id"),
                partner_id__in=access.coordinator_partner_ids,
            )
        )
        consents = consents.filter(own | Q(served))
    return get_object_or_404(consents, pk=pk)
