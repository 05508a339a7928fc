"""Reads of peer-group rounds through Access, and the engine's view of a round (for forming and live scores)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from polku.accounts.access import Access
from polku.audit.services import audit_staff_read
from polku.matching.groups import GroupProblem, GroupResult, Member, evaluate
from polku.participants.models import DECLINED, Participation
from polku.peergroups.models import (
    ATTRIBUTES,
    MeetingAttendance,
    MeetingReflection,
    PeerGroup,
    PeerGroupMeeting,
    PeerGroupMembership,
    PeerGroupRound,
)


def round_list(*, access: Access) -> QuerySet[PeerGroupRound]:
    """The rounds the reader runs: their own partners' (every round for an admin)."""
    return PeerGroupRound.objects.filter(access.peer_round_filter()).select_related(
        "project", "partner__organisation"
    )


def round_get(*, access: Access, pk: int) -> PeerGroupRound:
    """A round its partner's coordinators (and admins) manage; 404 for everyone else."""
    try:
        return round_list(access=access).get(pk=pk)
    except PeerGroupRound.DoesNotExist:
        raise Http404 from None


def round_candidates(*, peer_round: PeerGroupRound) -> QuerySet[Participation]:
    """The opted-in participants of the round's partner who are still in the project."""
    return (
        Participation.objects.filter(
            peer_group_opt_ins__round=peer_round, partner_id=peer_round.partner_id, exit_date__isnull=True
        )
        .select_related("person", "entry_data")
        .prefetch_related("person__languages")
        .order_by("person__first_name", "person__last_name", "pk")
    )


def _origin(participation: Participation) -> str:
    person = participation.person
    entry = getattr(participation, "entry_data", None)
    citizenship = entry.citizenship if entry is not None else ""
    return person.country_of_residence or (citizenship if citizenship != DECLINED else "") or "unknown"


def member_of(participation: Participation, attributes: list[str]) -> Member:
    entry = getattr(participation, "entry_data", None)
    gender = entry.gender if entry is not None and entry.gender else "unknown"
    values = {
        "origin": _origin(participation),
        "field": participation.person.education_field.strip().lower() or "unknown",
        "gender": "unknown" if gender == DECLINED else gender,
        "partner": str(participation.partner_id),
    }
    return Member(
        str(participation.pk),
        {a: values[a] for a in attributes if a in values},
        {s.language: s.level for s in participation.person.languages.all()},
    )


def round_history(*, peer_round: PeerGroupRound) -> list[tuple[str, str]]:
    """Pairs who shared a group in the project's earlier rounds."""
    groups: dict[int, list[str]] = {}
    rows = PeerGroupMembership.objects.filter(round__project_id=peer_round.project_id).exclude(
        round=peer_round
    )
    for group_id, participation_id in rows.values_list("group_id", "participation_id"):
        groups.setdefault(group_id, []).append(str(participation_id))
    return [(a, b) for members in groups.values() for i, a in enumerate(members) for b in members[i + 1 :]]


def round_problem(*, peer_round: PeerGroupRound, participations: list[Participation]) -> GroupProblem:
    attributes = [a for a in peer_round.attributes if a in ATTRIBUTES] or list(ATTRIBUTES[:3])
    ids = {str(p.pk) for p in participations}
    history = [pair for pair in round_history(peer_round=peer_round) if pair[0] in ids and pair[1] in ids]
    return GroupProblem(
        people=[member_of(p, attributes) for p in participations],
        group_size=peer_round.group_size,
        min_language_level=peer_round.min_language_level,
        history=history,
    )


@dataclass(frozen=True)
class GroupView:
    group: PeerGroup
    members: list[Participation]
    diversity: float
    language: str | None
    repeats: int
    violations: list[str]


@dataclass(frozen=True)
class RoundScores:
    groups: list[GroupView]
    objective: float
    bound: float


def round_scores(*, peer_round: PeerGroupRound) -> RoundScores | None:
    """The round's current groups scored by the engine (None before it is formed)."""
    groups = list(peer_round.groups.all())
    if not groups:
        return None
    memberships = list(
        PeerGroupMembership.objects.filter(round=peer_round)
        .select_related("participation__person", "participation__entry_data")
        .prefetch_related("participation__person__languages")
        .order_by("participation__person__first_name", "pk")
    )
    by_group: dict[int, list[Participation]] = {g.pk: [] for g in groups}
    for m in memberships:
        by_group[m.group_id].append(m.participation)
    everyone = [m.participation for m in memberships]
    split = [[str(p.pk) for p in by_group[g.pk]] for g in groups]
    result: GroupResult = evaluate(round_problem(peer_round=peer_round, participations=everyone), split)
    views = [
        GroupView(g, by_group[g.pk], s.diversity, s.language, s.repeats, s.violations)
        for g, s in zip(groups, result.stats, strict=True)
    ]
    return RoundScores(views, result.objective, result.bound)


@dataclass(frozen=True)
class MeetingView:
    """A group meeting as its round's coordinators see it: who was marked present or absent, and the
    members' reflections."""

    meeting: PeerGroupMeeting
    attendance: list[MeetingAttendance]
    reflections: list[MeetingReflection]

    @property
    def present_ids(self) -> set[int]:
        return {row.participation_id for row in self.attendance if row.present}


def round_meetings(*, actor: Any, peer_round: PeerGroupRound) -> dict[int, list[MeetingView]]:
    """The meetings of the round's groups (by group number) with attendance and reflections, for the round's
    coordinators (the caller has the round from `round_get`). Reflections are a member's own words about a
    meeting: each one shown is written to the audit log as a staff read of that member's data."""
    meetings = (
        PeerGroupMeeting.objects.filter(group__round=peer_round)
        .select_related("group")
        .prefetch_related("attendance__participation__person", "reflections__participation__person")
        .order_by("starts_at", "pk")
    )
    found: dict[int, list[MeetingView]] = {g.number: [] for g in peer_round.groups.all()}
    for meeting in meetings:
        view = MeetingView(
            meeting=meeting,
            attendance=sorted(
                meeting.attendance.all(), key=lambda a: (a.participation.person.first_name, a.pk)
            ),
            reflections=list(meeting.reflections.all()),
        )
        found.setdefault(meeting.group.number, []).append(view)
        for reflection in view.reflections:
            audit_staff_read(
                actor=actor,
                obj=reflection,
                person_id=reflection.participation.person_id,
                partner_id=reflection.participation.partner_id,
                fields=["text"],
            )
    return found


def my_groups(*, access: Access) -> QuerySet[PeerGroup]:
    """The participant's own groups in published rounds."""
    if access.person_id is None:
        return PeerGroup.objects.none()
    return (
        PeerGroup.objects.filter(
            round__status=PeerGroupRound.Status.PUBLISHED,
            memberships__participation__person_id=access.person_id,
        )
        .select_related("round__project")
        .prefetch_related(
            "memberships__participation__person",
            "meetings__reflections__participation__person",
            "meetings__attendance__participation",
        )
    )


def open_rounds(*, access: Access) -> QuerySet[PeerGroupRound]:
    """Draft rounds of the participant's partners that they may opt in to."""
    if access.person_id is None:
        return PeerGroupRound.objects.none()
    return PeerGroupRound.objects.filter(
        status=PeerGroupRound.Status.DRAFT,
        partner__participations__person_id=access.person_id,
        partner__participations__exit_date__isnull=True,
    ).distinct()
