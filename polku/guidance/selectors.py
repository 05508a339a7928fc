"""Reads of individual guidance, always through the reader's Access.

Sessions and their notes: the coordinators of the participation's partner (and admins), anyone else gets
404. Reading a session's private notes writes an audit event; lists show the facts of each session (date,
kind, channel, duration, topics) and never the notes. The participant reads their next steps, never the
notes; the project lead and evaluators read counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.audit.services import audit_staff_read
from polku.guidance.models import GuidanceSession, Kind, NextStep
from polku.participants.models import Participation, Person
from polku.projects.models import Project

HOME_HORIZON_DAYS = 14
HOME_LIMIT = 20
# what a list of sessions reads: never the notes
LIST_DEFER = ("notes",)


def guided_participation(*, access: Access, pk: int) -> Participation:
    """A participation whose guidance the reader keeps (`Access.can_guide`); 404 otherwise."""
    rows = Participation.objects.select_related("person", "project", "partner__organisation")
    return get_object_or_404(rows.filter(access.guidance_filter()), pk=pk)


def _require_guide(access: Access, participation: Participation) -> None:
    if not access.can_guide(participation.partner_id):
        raise Http404


def session_list(*, access: Access, participation: Participation) -> QuerySet[GuidanceSession]:
    """The participation's sessions, latest first, with their count of open next steps (no notes)."""
    _require_guide(access, participation)
    return (
        GuidanceSession.objects.filter(participation=participation)
        .defer(*LIST_DEFER)
        .select_related("staff")
        .annotate(open_steps=Count("next_steps", filter=Q(next_steps__done_at__isnull=True)))
        .order_by("-held_on", "-starts_at", "-id")
    )


def session_get(*, access: Access, pk: int) -> GuidanceSession:
    """A session the reader may change (for writes; nothing is shown, so nothing is audited); 404 otherwise."""
    rows = GuidanceSession.objects.select_related("participation__person", "participation__project", "staff")
    return get_object_or_404(rows.filter(access.guidance_filter("participation__")), pk=pk)


def session_read(*, access: Access, actor: User, pk: int) -> GuidanceSession:
    """A session with its private notes and next steps, to show to its reader; the read is audited."""
    session = session_get(access=access, pk=pk)
    participation = session.participation
    audit_staff_read(
        actor=actor,
        obj=session,
        person_id=participation.person_id,
        partner_id=participation.partner_id,
        fields=["notes", "topics", "next_steps"],
    )
    return session


def session_steps(*, session: GuidanceSession) -> list[NextStep]:
    """The session's next steps, open ones first, each by due date."""
    return sorted(session.next_steps.all(), key=lambda s: (s.is_done, s.due_on, s.pk))


def step_get(*, access: Access, pk: int) -> NextStep:
    """A next step the reader may change (the session's coordinators); 404 otherwise."""
    rows = NextStep.objects.select_related(
        "session__participation__person", "session__participation__project"
    )
    return get_object_or_404(rows.filter(access.guidance_filter("session__participation__")), pk=pk)


def _own_steps(access: Access) -> Q:
    if access.person_id is None:
        return Q(pk__in=[])
    return Q(session__participation__person_id=access.person_id)


def step_for_marking(*, access: Access, pk: int) -> NextStep:
    """A next step its coordinators or its participant may see, to tick done; 404 otherwise."""
    rows = NextStep.objects.select_related("session__participation").defer("session__notes")
    visible = access.guidance_filter("session__participation__")
    if not access.is_admin:
        visible |= _own_steps(access)
    return get_object_or_404(rows.filter(visible), pk=pk)


def person_next_steps(*, person: Person) -> QuerySet[NextStep]:
    """What was agreed with the person, for their own page: open steps first by due date, then done ones
    (the latest first). Nothing of the sessions' notes is read."""
    return (
        NextStep.objects.filter(session__participation__person=person)
        .select_related("session__participation__project", "session__participation__partner__organisation")
        .defer("session__notes")
        .order_by("done_at", "due_on", "pk")
    )


@dataclass
class HomeSteps:
    """Next steps on a staff member's home page: each list overdue first, then by due date."""

    today: dt.date
    mine: list[NextStep] = field(default_factory=list)
    mine_count: int = 0
    participants: list[NextStep] = field(default_factory=list)
    participants_count: int = 0

    @property
    def empty(self) -> bool:
        return not (self.mine_count or self.participants_count)


def home_next_steps(*, access: Access, user: User, today: dt.date) -> HomeSteps:
    """Open next steps due within HOME_HORIZON_DAYS (or overdue): the staff steps of the sessions the user
    held, and, for a coordinator, the steps their partners' participants agreed to do."""
    due = (
        NextStep.objects.filter(
            done_at__isnull=True, due_on__lte=today + dt.timedelta(days=HOME_HORIZON_DAYS)
        )
        .filter(access.guidance_filter("session__participation__"))
        .select_related("session__participation__person", "session__participation__project")
        .defer("session__notes")
        .order_by("due_on", "pk")
    )
    steps = HomeSteps(today=today)
    mine = due.filter(owner=NextStep.Owner.STAFF, session__staff=user)
    steps.mine_count = mine.count()
    steps.mine = list(mine[:HOME_LIMIT])
    if access.coordinator_partner_ids:
        theirs = due.filter(
            owner=NextStep.Owner.PARTICIPANT,
            session__participation__partner_id__in=access.coordinator_partner_ids,
        )
        steps.participants_count = theirs.count()
        steps.participants = list(theirs[:HOME_LIMIT])
    return steps


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    sessions: int
    minutes: int

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass(frozen=True)
class ProjectGuidance:
    sessions: int
    people: int
    kinds: list[KindCount]


def project_guidance_counts(*, access: Access, project: Project) -> ProjectGuidance | None:
    """The project's sessions by kind, and the different people met: counts only, for those who see the
    project's counts (None for others)."""
    if not access.can_view_guidance_counts(project.pk):
        return None
    rows = GuidanceSession.objects.filter(participation__project=project)
    by_kind: dict[str, dict[str, Any]] = {
        row["kind"]: dict(row)
        for row in rows.values("kind").annotate(n=Count("id"), minutes=Sum("duration_minutes")).order_by()
    }
    kinds = [
        KindCount(
            kind=value,
            label=str(label),
            sessions=by_kind.get(value, {}).get("n", 0),
            minutes=by_kind.get(value, {}).get("minutes") or 0,
        )
        for value, label in Kind.choices
    ]
    people = rows.values("participation__person_id").distinct().count()
    return ProjectGuidance(sessions=sum(k.sessions for k in kinds), people=people, kinds=kinds)
