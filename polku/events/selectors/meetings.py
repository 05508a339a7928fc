"""Reads of 1:1 meetings at an event: the reader's own registration, suggestions with reasons, requests, the
personal agenda, the organiser's table of meetings, and whom a person met at the event.

Suggestions are ranked by the matching engine's explained score (`polku.matching.scoring`, as mentoring
does): shared skills from the competence profile, what one looks for against what the other offers, the
people's goals, shared languages, industries and common free slots. The reasons shown are the parts of
that score, put into sentences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.competences.models import ProfileSkill
from polku.core.errors import AccessDenied
from polku.core.names import language_name
from polku.esco.models import Label
from polku.events.models import (
    BreakoutGroup,
    Event,
    Intent,
    MatchProfile,
    Meeting,
    MeetingBlock,
    MeetingMember,
    MeetingRequest,
    Registration,
)
from polku.events.scheduling import names_list, unplaced_text
from polku.matching import scoring
from polku.participants.models import Goal

# The criteria of the event's score: goals carry what one looks for against what the other offers.
WEIGHTS = {
    "language": 2.0,
    "skills": 3.0,
    "industry": 1.0,
    "goals": 3.0,
    "availability": 1.0,
    "location": 0.5,
}
RULES = scoring.Rules(require_shared_language=False, forbid_same_employer=False)
REGISTRATION_PEOPLE = ("participation__person", "user")


# --- the reader's registration ----------------------------------------------------------------------


def own_filter(access: Access) -> Q:
    """Q of registrations held by the reader (as a participant or as a user)."""
    if access.user_id is None:
        return Q(pk__in=[])
    q = Q(user_id=access.user_id)
    if access.person_id is not None:
        q |= Q(participation__person_id=access.person_id)
    return q


def own_registration(*, access: Access, event: Event) -> Registration | None:
    """The reader's confirmed registration at the event, if any."""
    return (
        Registration.objects.filter(own_filter(access), event=event, status=Registration.Status.CONFIRMED)
        .select_related(*REGISTRATION_PEOPLE)
        .order_by("pk")
        .first()
    )


def require_own_registration(*, access: Access, event: Event) -> Registration:
    registration = own_registration(access=access, event=event)
    if registration is None:
        raise AccessDenied(_("Only people registered for this event can use its meetings."))
    return registration


def attendee_get(*, event: Event, pk: int) -> Registration:
    """A confirmed registration of the event (another attendee); 404 otherwise."""
    return get_object_or_404(
        Registration.objects.select_related(*REGISTRATION_PEOPLE),
        pk=pk,
        event=event,
        status=Registration.Status.CONFIRMED,
    )


def profile_of(registration: Registration) -> MatchProfile | None:
    return MatchProfile.objects.filter(registration=registration).prefetch_related("available").first()


# --- suggestions ------------------------------------------------------------------------------------


def _skills(person_ids: set[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for person_id, skill_id in ProfileSkill.objects.filter(
        person_id__in=person_ids, status=ProfileSkill.Status.CONFIRMED
    ).values_list("person_id", "skill_id"):
        out[person_id].add(skill_id)
    return out


def skill_labels(skill_ids: set[int]) -> dict[int, str]:
    """ESCO labels in the reader's language (English when missing)."""
    language = (get_language() or "en")[:2]
    labels: dict[int, str] = {}
    for concept_id, lang, text in Label.objects.filter(
        concept_id__in=skill_ids, language__in=[language, "en"]
    ).values_list("concept_id", "language", "preferred"):
        if lang == language or concept_id not in labels:
            labels[concept_id] = text
    return labels


def _industries(text: str) -> frozenset[str]:
    return frozenset(part.strip().casefold() for part in text.replace(";", ",").split(",") if part.strip())


def _candidate(profile: MatchProfile, skills: dict[int, set[int]], *, as_left: bool) -> scoring.Candidate:
    """One attendee for the engine. Goals on the left are what the reader looks for ("want:"), offers
    ("give:") and their life goals ("goal:"); on the right the same keys mark what the other side offers to
    those wants, looks for among those offers, and shares as a goal, so the goals criterion measures how
    well the two complement each other."""
    registration = profile.registration
    person = registration.participation.person if registration.participation_id else None  # type: ignore[union-attr]
    looking, offering = set(profile.looking_for), set(profile.offering)
    if as_left:
        goals = {f"want:{x}" for x in looking} | {f"give:{x}" for x in offering}
    else:
        goals = {f"want:{x}" for x in offering} | {f"give:{x}" for x in looking}
    languages: dict[str, str] = {}
    if person is not None:
        goals |= {f"goal:{g}" for g in person.goals or []}
        languages = {skill.language: skill.level for skill in person.languages.all()}
    return scoring.Candidate(
        id=str(registration.pk),
        languages=languages,
        skills=frozenset(str(s) for s in skills.get(person.pk, set())) if person else frozenset(),
        industries=_industries(profile.industries),
        goals=frozenset(goals),
        availability=frozenset(str(slot.pk) for slot in profile.available.all()),
        location=(person.municipality or None) if person else None,
    )


@dataclass
class Suggestion:
    registration: Registration
    profile: MatchProfile
    score: float
    reasons: list[str] = field(default_factory=list)
    breakdown: list[dict[str, Any]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.registration.name


def excluded_ids(registration: Registration) -> set[int]:
    """Registrations never suggested to this one: themself, whom they blocked or who blocked them, whom
    they declined or who declined them, and anyone with a pending or accepted request either way."""
    out = {registration.pk}
    for blocker, blocked in MeetingBlock.objects.filter(
        Q(blocker=registration) | Q(blocked=registration)
    ).values_list("blocker_id", "blocked_id"):
        out |= {blocker, blocked}
    for sender, recipient in MeetingRequest.objects.filter(
        Q(sender=registration) | Q(recipient=registration),
        status__in=[
            MeetingRequest.Status.PENDING,
            MeetingRequest.Status.ACCEPTED,
            MeetingRequest.Status.DECLINED,
        ],
    ).values_list("sender_id", "recipient_id"):
        out |= {sender, recipient}
    return out


def _profiles(event: Event) -> QuerySet[MatchProfile]:
    return (
        MatchProfile.objects.filter(
            registration__event=event, registration__status=Registration.Status.CONFIRMED
        )
        .select_related("registration__participation__person", "registration__user")
        .prefetch_related("available", "registration__participation__person__languages")
    )


def suggestions(*, registration: Registration, limit: int = 20) -> list[Suggestion]:
    """Other attendees who opted in, best first by the engine's explained score, with the reasons."""
    mine = _profiles(registration.event).filter(registration=registration).first()
    if mine is None:
        return []
    others = list(_profiles(registration.event).exclude(registration_id__in=excluded_ids(registration)))
    if not others:
        return []
    person_ids = {
        p.registration.participation.person_id  # type: ignore[union-attr]
        for p in [mine, *others]
        if p.registration.participation_id
    }
    skills = _skills(person_ids)
    left = _candidate(mine, skills, as_left=True)
    right = [_candidate(p, skills, as_left=False) for p in others]
    by_id = {str(p.registration_id): p for p in others}
    pairs = scoring.score_all([left], right, weights=WEIGHTS, rules=RULES, top_k=limit)
    labels = skill_labels(
        {int(s) for pair in pairs for part in pair.parts for s in part.matched if part.criterion == "skills"}
        | {int(s) for c in right for s in c.skills}
    )
    out = []
    for pair in pairs:
        profile = by_id[pair.right]
        other_skills = {int(s) for s in right[[c.id for c in right].index(pair.right)].skills}
        mine_skills = {int(s) for s in left.skills}
        reasons = reasons_of(pair, labels=labels, complementary=other_skills - mine_skills)
        out.append(
            Suggestion(
                registration=profile.registration,
                profile=profile,
                score=pair.score,
                reasons=reasons,
                breakdown=[
                    {
                        "criterion": p.criterion,
                        "value": round(p.value, 4),
                        "contribution": round(p.contribution, 4),
                    }
                    for p in pair.parts
                    if p.weight
                ],
            )
        )
    return out


def _intent_names(keys: list[str], prefix: str) -> list[str]:
    labels = dict(Intent.choices)
    return [
        str(labels[k[len(prefix) :]]) for k in keys if k.startswith(prefix) and k[len(prefix) :] in labels
    ]


def reasons_of(pair: scoring.PairScore, *, labels: dict[int, str], complementary: set[int]) -> list[str]:
    """The parts of the score that matched, as short sentences (strongest first); never codes."""
    reasons: list[tuple[float, str]] = []
    for part in pair.parts:
        if not part.matched or part.contribution <= 0:
            continue
        if part.criterion == "goals":
            wants = _intent_names(list(part.matched), "want:")
            gives = _intent_names(list(part.matched), "give:")
            goals = [str(dict(Goal.choices).get(k[5:], "")) for k in part.matched if k.startswith("goal:")]
            if wants:
                reasons.append(
                    (part.contribution, _("Offers what you look for: %(what)s") % {"what": ", ".join(wants)})
                )
            if gives:
                reasons.append(
                    (part.contribution, _("Looks for what you offer: %(what)s") % {"what": ", ".join(gives)})
                )
            if any(goals):
                reasons.append(
                    (
                        part.contribution / 2,
                        _("The same goal: %(what)s") % {"what": ", ".join(g for g in goals if g)},
                    )
                )
        elif part.criterion == "skills":
            names = [labels.get(int(s), "") for s in part.matched][:5]
            reasons.append(
                (
                    part.contribution,
                    _("Skills you share: %(what)s") % {"what": ", ".join(n for n in names if n)},
                )
            )
        elif part.criterion == "language":
            reasons.append(
                (
                    part.contribution,
                    _("Languages you both speak: %(what)s")
                    % {"what": ", ".join(language_name(code) for code in part.matched)},
                )
            )
        elif part.criterion == "industry":
            reasons.append(
                (part.contribution, _("The same industry: %(what)s") % {"what": ", ".join(part.matched)})
            )
        elif part.criterion == "availability":
            reasons.append(
                (
                    part.contribution,
                    _("Free at the same times (%(count)s slots)") % {"count": len(part.matched)},
                )
            )
        elif part.criterion == "location":
            reasons.append(
                (
                    part.contribution,
                    _("Lives in the same place: %(what)s") % {"what": ", ".join(part.matched)},
                )
            )
    if complementary:
        names = [labels.get(s, "") for s in sorted(complementary)][:3]
        if any(names):
            reasons.append(
                (0.0, _("Has skills you do not list: %(what)s") % {"what": ", ".join(n for n in names if n)})
            )
    reasons.sort(key=lambda r: -r[0])
    return [text for _score, text in reasons]


# --- requests, agenda -------------------------------------------------------------------------------


def requests_of(registration: Registration) -> tuple[list[MeetingRequest], list[MeetingRequest]]:
    """(incoming, outgoing) requests of an attendee, newest first."""
    base = MeetingRequest.objects.select_related(
        "sender__participation__person", "sender__user", "recipient__participation__person", "recipient__user"
    ).order_by("-created_at", "-pk")
    return list(base.filter(recipient=registration)), list(base.filter(sender=registration))


def request_get_own(*, access: Access, pk: int) -> MeetingRequest:
    """A request the reader sent or received; 404 otherwise."""
    own = own_filter(access)
    mine = Registration.objects.filter(own).values("pk")
    return get_object_or_404(
        MeetingRequest.objects.select_related("event__activity", "sender", "recipient").filter(
            Q(sender__in=mine) | Q(recipient__in=mine)
        ),
        pk=pk,
    )


@dataclass
class AgendaItem:
    meeting: Meeting
    others: list[str]

    @property
    def others_text(self) -> str:
        return names_list(self.others)


def agenda(registration: Registration) -> list[AgendaItem]:
    """The attendee's published meetings in time order, with the other people's names."""
    meetings = (
        Meeting.objects.filter(memberships__registration=registration, status=Meeting.Status.PUBLISHED)
        .select_related("slot", "event")
        .prefetch_related(
            "memberships__registration__participation__person", "memberships__registration__user"
        )
        .order_by("slot__starts_at", "table")
    )
    return [
        AgendaItem(
            meeting=m,
            others=[x.registration.name for x in m.memberships.all() if x.registration_id != registration.pk],
        )
        for m in meetings
    ]


@dataclass
class MeetingRow:
    meeting: Meeting
    names: list[str]
    members: list[MeetingMember]
    reason: str = ""

    @property
    def names_text(self) -> str:
        return names_list(self.names)


def event_meetings(event: Event) -> list[MeetingRow]:
    """Every meeting of the event for its organisers, placed ones in time order, with the reasons of those
    the scheduler could not place."""
    meetings = list(
        Meeting.objects.filter(event=event)
        .select_related("slot")
        .prefetch_related(
            "memberships__registration__participation__person", "memberships__registration__user"
        )
        .order_by("status", "slot__starts_at", "table", "pk")
    )
    names = {x.registration_id: x.registration.name for m in meetings for x in m.memberships.all()}
    rows = []
    for m in meetings:
        members = list(m.memberships.all())
        reason = unplaced_text(m.unplaced_reason, names) if m.status == Meeting.Status.UNPLACED else ""
        rows.append(
            MeetingRow(
                meeting=m, names=[x.registration.name for x in members], members=members, reason=reason
            )
        )
    return rows


def attendees(event: Event) -> QuerySet[Registration]:
    """Confirmed registrations of the event, for the organiser's must-meet choices."""
    return (
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .select_related(*REGISTRATION_PEOPLE)
        .order_by("pk")
    )


def whom_i_met(registration: Registration) -> list[Registration]:
    """The people this attendee met at the event: in published meetings they attended (not recorded as
    missed) and in the published breakout groups of rounds that have started."""
    event = registration.event
    mine = (
        MeetingMember.objects.filter(registration=registration, meeting__status=Meeting.Status.PUBLISHED)
        .exclude(attended=False)
        .values("meeting_id")
    )
    ids = set(
        MeetingMember.objects.filter(meeting_id__in=mine)
        .exclude(attended=False)
        .values_list("registration_id", flat=True)
    )
    groups = BreakoutGroup.objects.filter(
        event=event, published=True, round_number__lte=max(event.current_round, 0), members=registration
    )
    ids |= set(
        BreakoutGroup.members.through.objects.filter(breakoutgroup__in=groups).values_list(
            "registration_id", flat=True
        )
    )
    ids.discard(registration.pk)
    return list(Registration.objects.filter(pk__in=ids).select_related(*REGISTRATION_PEOPLE).order_by("pk"))
