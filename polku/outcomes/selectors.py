"""Reads about outcomes, always through the reader's Access; a staff member's read is audited."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.services import audit_staff_read
from polku.outcomes.models import ExitRecord, FollowUp, Outcome
from polku.participants.models import Participation
from polku.participants.selectors import participation_get


@dataclass
class ParticipationOutcomes:
    participation: Participation
    exit_record: ExitRecord | None
    follow_up: FollowUp | None
    outcomes: list[Outcome]


def participation_outcomes(*, access: Access, actor: User, pk: int) -> ParticipationOutcomes:
    """The exit record, follow-up and outcomes of a participation the reader may see (404 otherwise)."""
    participation = participation_get(access=access, pk=pk)
    exit_record = ExitRecord.objects.filter(participation=participation).first()
    follow_up = FollowUp.objects.filter(participation=participation).first()
    outcomes = list(Outcome.objects.filter(participation=participation))
    audit_staff_read(
        actor=actor,
        obj=participation,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["exit_record", "follow_up", "outcomes"],
    )
    return ParticipationOutcomes(participation, exit_record, follow_up, outcomes)


def _require_visible(access: Access, participation: Participation) -> None:
    """The caller fetched the participation through the reader's access; checked again here so these
    selectors cannot be used to read another partner's records by passing any participation."""
    if not access.can_view_person(participation.person_id, {participation.partner_id}):
        raise Http404


def exit_record_get(*, access: Access, actor: User, participation: Participation) -> ExitRecord:
    _require_visible(access, participation)
    record = get_object_or_404(ExitRecord, participation=participation)
    audit_staff_read(
        actor=actor,
        obj=record,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["status", "status_on", "qualification_gained"],
    )
    return record


def follow_up_get(*, access: Access, actor: User, participation: Participation) -> FollowUp:
    _require_visible(access, participation)
    follow_up = get_object_or_404(FollowUp, participation=participation)
    audit_staff_read(
        actor=actor,
        obj=follow_up,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["labour_status", "permanent_contract", "full_time", "more_demanding_job"],
    )
    return follow_up


def outcome_list(*, access: Access, actor: User, participation: Participation) -> QuerySet[Outcome]:
    _require_visible(access, participation)
    audit_staff_read(
        actor=actor,
        obj=participation,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["outcomes"],
    )
    return Outcome.objects.filter(participation=participation).select_related("participation")


def outcome_get(*, access: Access, pk: int) -> Outcome:
    """An outcome of a participation the reader may see (their own, or their partner's); 404 otherwise."""
    outcome = get_object_or_404(Outcome.objects.select_related("participation"), pk=pk)
    participation_get(access=access, pk=outcome.participation_id)
    return outcome


def follow_up_list(*, access: Access, status: str = "") -> QuerySet[FollowUp]:
    """Follow-ups of the reader's partners' participants (no answers, only where each stands)."""
    rows = (
        FollowUp.objects.filter(access.participation_filter("participation__"))
        .select_related(
            "participation__person", "participation__project", "participation__partner__organisation"
        )
        .order_by("status", "due_on", "pk")
    )
    if status:
        rows = rows.filter(status=status)
    return rows


def outcome_counts_by_kind(*, participation_ids: Iterable[int]) -> dict[str, int]:
    """Participations with at least one outcome of each kind, for reporting (people, not rows)."""
    rows = (
        Outcome.objects.filter(participation_id__in=list(participation_ids))
        .values("kind")
        .annotate(people=Count("participation_id", distinct=True))
    )
    return {row["kind"]: row["people"] for row in rows}


COMPANY_KINDS = (Outcome.Kind.COMPANY_FOUNDED, Outcome.Kind.BUSINESS_TAKEN_OVER)


def company_outcome(*, participation: Participation) -> Outcome | None:
    """The participation's latest company founded or taken over: the exit form proposes "self-employed" from
    it, so that the ESF+ result indicator (the situation recorded at exit) counts the company."""
    return (
        Outcome.objects.filter(participation=participation, kind__in=COMPANY_KINDS)
        .order_by("-date", "-pk")
        .first()
    )
