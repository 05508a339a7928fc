"""Reads of mentoring, always through the reader's Access.

Coordinators see the programmes of their partner (the lead every programme of the project, evaluators
only counts); a mentor sees their own mentees; a participant their own mentorships. Session notes are
private to the pair and never leave these selectors for anyone else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.audit.services import audit_staff_read
from polku.matching import scoring
from polku.mentoring import matchdata
from polku.mentoring.models import (
    CheckIn,
    MatchingRun,
    MenteeRequest,
    MentoringProgramme,
    MentorProfile,
    Mentorship,
    Proposal,
    Session,
)
from polku.participants.models import Participation

OPEN = ("pending", "active")


def _manages(access: Access, programme: MentoringProgramme) -> bool:
    return access.can_manage_mentoring_programme(programme.project_id, programme.partner_id)


def side_of(access: Access, mentorship: Mentorship) -> str | None:
    """The reader's side of the pair ("mentee", "mentor") or None, by `Access.mentoring_side`."""
    return access.mentoring_side(
        mentee_person_id=mentorship.mentee.participation.person_id, mentor_user_id=mentorship.mentor.user_id
    )


def programme_mentors(programme: MentoringProgramme) -> list[MentorProfile]:
    """Mentor profiles of users with a mentor membership for this programme (its partner or project-wide)."""
    memberships = Membership.objects.filter(role=Role.MENTOR, project_id=programme.project_id)
    if programme.partner_id is not None:
        memberships = memberships.filter(Q(partner_id=programme.partner_id) | Q(partner__isnull=True))
    return list(
        MentorProfile.objects.filter(user_id__in=memberships.values("user_id"))
        .select_related("user")
        .order_by("user__full_name", "id")
    )


def _programme_counts(rows: QuerySet[MentoringProgramme]) -> QuerySet[MentoringProgramme]:
    return rows.annotate(
        mentee_count=Count("mentees", distinct=True),
        active_count=Count("mentorships", filter=Q(mentorships__status="active"), distinct=True),
        pending_count=Count("mentorships", filter=Q(mentorships__status="pending"), distinct=True),
    )


def programme_list(*, access: Access) -> QuerySet[MentoringProgramme]:
    """Programmes the reader sees on the staff list: the lead and evaluators every one of their projects,
    a coordinator the project-wide ones and their own partner's; counts only, no people."""
    rows = MentoringProgramme.objects.filter(access.mentoring_programme_filter()).select_related(
        "project", "partner__organisation"
    )
    return _programme_counts(rows).order_by("project__code", "-starts_on", "name")


def programme_get(*, access: Access, pk: int) -> MentoringProgramme:
    """A programme the reader manages; 404 for everyone else."""
    programme = get_object_or_404(
        MentoringProgramme.objects.select_related("project", "partner__organisation"), pk=pk
    )
    if not _manages(access, programme):
        raise Http404
    return programme


def mentee_list(*, access: Access, programme: MentoringProgramme) -> list[MenteeRequest]:
    """The programme's mentees the reader may see (a coordinator of a project-wide one: their own partner's)."""
    rows = (
        MenteeRequest.objects.filter(programme=programme)
        .select_related("participation__person", "participation__partner__organisation")
        .prefetch_related(
            Prefetch(
                "mentorships",
                queryset=Mentorship.objects.filter(status__in=OPEN).select_related("mentor__user"),
                to_attr="open_mentorships",
            )
        )
    )
    return list(rows.filter(access.mentoring_mentee_filter(programme.project_id, programme.partner_id)))


def mentee_get(*, access: Access, programme: MentoringProgramme, pk: int) -> MenteeRequest:
    """One mentee of the programme whose profile the reader sees; 404 otherwise."""
    rows = MenteeRequest.objects.filter(programme=programme).filter(
        access.mentoring_mentee_filter(programme.project_id, programme.partner_id)
    )
    return get_object_or_404(rows, pk=pk)


def hidden_mentee_count(*, access: Access, programme: MentoringProgramme) -> int:
    """Mentees of other partners in the programme whose profile the reader may not see (decision 0060)."""
    rows = MenteeRequest.objects.filter(programme=programme)
    return rows.exclude(access.mentoring_mentee_filter(programme.project_id, programme.partner_id)).count()


@dataclass(frozen=True)
class RelationshipRow:
    """A mentorship as the coordinator sees it: no notes, but whether sessions happen."""

    mentorship: Mentorship
    last_session: dt.date | None
    sessions: int
    no_shows: int
    days_quiet: int | None
    inactive: bool


def relationship_list(*, access: Access, programme: MentoringProgramme) -> list[RelationshipRow]:
    rows = (
        Mentorship.objects.filter(programme=programme)
        .select_related("mentee__participation__person", "mentor__user")
        .annotate(
            last_session=Max("sessions__held_on", filter=Q(sessions__status=Session.Status.HELD)),
            session_count=Count("sessions", filter=Q(sessions__status=Session.Status.HELD)),
            no_show_count=Count("sessions", filter=Q(sessions__status=Session.Status.NO_SHOW)),
        )
        .filter(access.mentoring_mentee_filter(programme.project_id, programme.partner_id, "mentee__"))
        .order_by("status", "-created_at")
    )
    today = timezone.localdate()
    result = []
    for m in rows:
        since = m.last_session or m.started_on
        quiet = (today - since).days if since and m.status == Mentorship.Status.ACTIVE else None
        result.append(
            RelationshipRow(
                mentorship=m,
                last_session=m.last_session,
                sessions=m.session_count,
                no_shows=m.no_show_count,
                days_quiet=quiet,
                inactive=quiet is not None and quiet >= programme.reminder_days,
            )
        )
    return result


def run_list(*, programme: MentoringProgramme) -> QuerySet[MatchingRun]:
    return programme.runs.select_related("created_by")


def run_get(*, access: Access, pk: int) -> MatchingRun:
    run = get_object_or_404(MatchingRun.objects.select_related("programme__project", "created_by"), pk=pk)
    if not _manages(access, run.programme):
        raise Http404
    return run


def proposal_list(*, access: Access, actor: User, run: MatchingRun) -> list[Proposal]:
    """The run's proposals for the mentees the reader sees (decision 0060), with both people; reading the
    mentees' wishes and skills is audited."""
    programme = run.programme
    rows = list(
        run.proposals.filter(
            access.mentoring_mentee_filter(programme.project_id, programme.partner_id, "mentee__")
        )
        .select_related("mentee__participation__person", "mentor__user")
        .order_by("status", "-score", "id")
    )
    for proposal in rows:
        participation = proposal.mentee.participation
        audit_staff_read(
            actor=actor,
            obj=proposal.mentee,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["mentoring_request"],
        )
    return rows


def proposal_get(*, access: Access, pk: int) -> Proposal:
    proposal = get_object_or_404(Proposal.objects.select_related("run__programme"), pk=pk)
    if not _manages(access, proposal.run.programme):
        raise Http404
    return proposal


def unmatched(*, access: Access, run: MatchingRun) -> tuple[list[MenteeRequest], list[MentorProfile]]:
    """Mentees the reader sees without a live proposal in the run, and mentors with places left (for adding
    pairs by hand)."""
    live = run.proposals.filter(status__in=[Proposal.Status.PROPOSED, Proposal.Status.PUBLISHED])
    programme = run.programme
    mentees = list(
        MenteeRequest.objects.filter(programme=programme)
        .filter(access.mentoring_mentee_filter(programme.project_id, programme.partner_id))
        .exclude(pk__in=live.values("mentee_id"))
        .exclude(mentorships__status__in=OPEN)
        .select_related("participation__person")
    )
    used: dict[int, int] = {}
    for mentor_id in live.filter(status=Proposal.Status.PROPOSED).values_list("mentor_id", flat=True):
        used[mentor_id] = used.get(mentor_id, 0) + 1
    mentors = [
        p for p in programme_mentors(run.programme) if p.is_available and p.seats_free > used.get(p.pk, 0)
    ]
    return mentees, mentors


def mentor_profile_of(*, user: User) -> MentorProfile | None:
    return MentorProfile.objects.filter(user=user).first()


def _pair_rows() -> QuerySet[Mentorship]:
    return Mentorship.objects.select_related(
        "programme__project", "mentee__participation__person", "mentor__user"
    )


def my_mentorships(*, access: Access) -> dict[str, list[Mentorship]]:
    """The reader's mentorships as mentee and as mentor, newest first."""
    as_mentee: list[Mentorship] = []
    if access.person_id is not None:
        as_mentee = list(_pair_rows().filter(mentee__participation__person_id=access.person_id))
    as_mentor: list[Mentorship] = []
    if access.user_id is not None:
        as_mentor = list(_pair_rows().filter(mentor__user_id=access.user_id))
    return {"mentee": as_mentee, "mentor": as_mentor}


def open_programmes_for(
    *, access: Access
) -> list[tuple[Participation, MentoringProgramme, MenteeRequest | None]]:
    """Open programmes a participant may join, with their request in each (None when not joined yet)."""
    if access.person_id is None:
        return []
    result = []
    participations = Participation.objects.filter(person_id=access.person_id, exit_date__isnull=True)
    requests = {
        (r.programme_id, r.participation_id): r
        for r in MenteeRequest.objects.filter(participation__person_id=access.person_id)
    }
    for participation in participations:
        programmes = MentoringProgramme.objects.filter(
            Q(partner__isnull=True) | Q(partner_id=participation.partner_id),
            project_id=participation.project_id,
            status=MentoringProgramme.Status.OPEN,
        ).select_related("project")
        for programme in programmes:
            result.append((participation, programme, requests.get((programme.pk, participation.pk))))
    return result


def programme_for_participant(*, access: Access, pk: int) -> tuple[MentoringProgramme, Participation]:
    """An open programme the participant may join, with their participation in it; 404 otherwise."""
    for participation, programme, _request in open_programmes_for(access=access):
        if programme.pk == pk:
            return programme, participation
    raise Http404


def own_mentee_request(*, access: Access, programme: MentoringProgramme) -> MenteeRequest | None:
    if access.person_id is None:
        return None
    return (
        MenteeRequest.objects.filter(programme=programme, participation__person_id=access.person_id)
        .select_related("participation__person", "programme")
        .first()
    )


@dataclass(frozen=True)
class RankedMentor:
    profile: MentorProfile
    score: float
    breakdown: list[dict[str, Any]]


def ranked_mentors(*, mentee: MenteeRequest) -> list[RankedMentor]:
    """The programme's mentors with free places that the rules allow for this mentee, best first."""
    programme = mentee.programme
    profiles = {
        matchdata.mentor_id(p): p for p in programme_mentors(programme) if p.is_available and p.seats_free > 0
    }
    if not profiles:
        return []
    mentee = (
        MenteeRequest.objects.select_related("participation__person")
        .prefetch_related("participation__person__languages", "wished_mentors")
        .get(pk=mentee.pk)
    )
    pairs = scoring.score_all(
        [matchdata.mentee_candidate(mentee)],
        [matchdata.mentor_candidate(p) for p in profiles.values()],
        weights=matchdata.weights_of(programme),
        rules=matchdata.rules_of(programme),
    )
    ranked = [
        RankedMentor(profile=profiles[pair.right], score=pair.score, breakdown=matchdata.breakdown(pair))
        for pair in pairs
        if not pair.blocked_by
    ]
    return sorted(ranked, key=lambda r: (-r.score, r.profile.pk))


@dataclass(frozen=True)
class MentorshipView:
    mentorship: Mentorship
    side: str | None  # "mentee", "mentor" or None for a coordinator
    sessions: list[Session]
    show_notes: bool


def mentorship_get(*, access: Access, actor: User, pk: int) -> MentorshipView:
    """A mentorship for one of the pair or a coordinator of the programme (who sees no notes); 404 otherwise."""
    mentorship = get_object_or_404(_pair_rows(), pk=pk)
    side = side_of(access, mentorship)
    if side is None:
        programme = mentorship.programme
        participation = mentorship.mentee.participation
        if not access.can_oversee_mentorship(
            project_id=programme.project_id,
            programme_partner_id=programme.partner_id,
            mentee_partner_id=participation.partner_id,
            mentee_shared=mentorship.mentee.shared_with_other_partners_at is not None,
        ):
            raise Http404
        audit_staff_read(
            actor=actor,
            obj=mentorship,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["mentorship"],
        )
    elif side == "mentor":
        participation = mentorship.mentee.participation
        audit_staff_read(
            actor=actor,
            obj=mentorship,
            person_id=participation.person_id,
            partner_id=participation.partner_id,
            fields=["mentorship"],
        )
    sessions = list(mentorship.sessions.all())
    if side is None:
        sessions = list(mentorship.sessions.defer("notes"))
        for s in sessions:
            s.notes = ""
    return MentorshipView(mentorship=mentorship, side=side, sessions=sessions, show_notes=side is not None)


def checkin_get(*, access: Access, pk: int) -> CheckIn:
    """A check-in of the reader's own side of a mentorship; 404 otherwise."""
    checkin = get_object_or_404(
        CheckIn.objects.select_related(
            "mentorship__mentee__participation__person", "mentorship__mentor__user", "mentorship__programme"
        ),
        pk=pk,
    )
    if side_of(access, checkin.mentorship) != checkin.side:
        raise Http404
    return checkin


def open_checkins(*, mentorship: Mentorship, side: str) -> QuerySet[CheckIn]:
    return mentorship.checkins.filter(side=side, answered_at__isnull=True)
