"""The one place where events talk to the engines `polku.matching.schedule` (1:1 meetings into slots and
tables) and `polku.matching.rounds` (breakout groups of networking rounds).

The engines know nothing of Django: this module builds their plain JSON input from the database (ids are
"r<registration pk>", "s<slot pk>", "m<meeting pk>") and turns their output back into rows' ids. The
scheduler's reasons for a meeting it could not place are stored as the structured `code` with the
registrations and slots concerned, and turned into a sentence with the people's names in the reader's
language only when shown (`unplaced_text`), so a reason never goes stale or comes out in the wrong language.
"""

from __future__ import annotations

import contextlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from polku.core.errors import ApplicationError
from polku.events.models import (
    BreakoutGroup,
    Event,
    MatchProfile,
    Meeting,
    MeetingMember,
    MeetingSlot,
    Registration,
    room_slug,
)
from polku.matching import rounds, schedule
from polku.matching.errors import InvalidInput
from polku.mentoring.models import Mentorship
from polku.peergroups.models import PeerGroupMembership

# The planner runs inside the organiser's request: it stops at once when nobody meets twice and no group
# mixes languages it need not mix, else at this limit (1,000 people in 6 rounds need about 0.6 s).
ROUNDS_SECONDS = 3.0

# --- ids -------------------------------------------------------------------------------------------


def reg_id(pk: int) -> str:
    return f"r{pk}"


def slot_id(pk: int) -> str:
    return f"s{pk}"


def meeting_id(pk: int) -> str:
    return f"m{pk}"


def pk_of(engine_id: str) -> int:
    return int(engine_id[1:])


def _engine_error(error: Exception) -> ApplicationError:
    """The engine refused its input: a sentence for the organiser (the engine's own text is English)."""
    return ApplicationError(
        _("The plan could not be made from these settings: %(detail)s") % {"detail": str(error)}
    )


# --- 1:1 meetings ----------------------------------------------------------------------------------


@dataclass
class ScheduleResult:
    placed: dict[int, tuple[int, int]]  # meeting pk -> (slot pk, table)
    unplaced: dict[int, dict[str, Any]]  # meeting pk -> {"code", "people": [reg pks], "slots": [slot pks]}
    total_priority: int
    upper_bound: int


def schedule_input(event: Event) -> dict[str, Any]:
    """The scheduler's input: the event's slots and tables, every member of a meeting to place with the
    slots they marked free (none marked: every slot), every meeting that is not cancelled, and the
    published ones fixed where they are."""
    slots = list(MeetingSlot.objects.filter(event=event).order_by("starts_at", "pk"))
    meetings = list(
        Meeting.objects.filter(event=event)
        .exclude(status=Meeting.Status.CANCELLED)
        .prefetch_related("memberships")
        .order_by("pk")
    )
    member_ids = {m.registration_id for meeting in meetings for m in meeting.memberships.all()}
    available: dict[int, list[int]] = defaultdict(list)
    for reg, slot in MatchProfile.available.through.objects.filter(
        matchprofile__registration_id__in=member_ids
    ).values_list("matchprofile__registration_id", "meetingslot_id"):
        available[reg].append(slot)
    people = []
    for reg in sorted(member_ids):
        person: dict[str, Any] = {"id": reg_id(reg)}
        if available.get(reg):
            person["available"] = [slot_id(s) for s in sorted(available[reg])]
        people.append(person)
    fixed = [
        {"meeting": meeting_id(m.pk), "slot": slot_id(m.slot_id), "table": m.table}
        for m in meetings
        if m.status == Meeting.Status.PUBLISHED and m.slot_id and m.table
    ]
    return {
        "slots": [slot_id(s.pk) for s in slots],
        "tables": event.meeting_tables,
        "people": people,
        "meetings": [
            {
                "id": meeting_id(m.pk),
                "people": [reg_id(x.registration_id) for x in m.memberships.all()],
                "priority": m.priority,
            }
            for m in meetings
        ],
        "fixed": fixed,
    }


def run_schedule(event: Event) -> ScheduleResult:
    """Place the event's meetings with the engine; ApplicationError when it refuses the input."""
    data = schedule_input(event)
    if not data["slots"]:
        raise ApplicationError(_("Add meeting slots first."))
    try:
        out = schedule.run_json(data)
    except InvalidInput as error:
        raise _engine_error(error) from None
    placed = {pk_of(p["meeting"]): (pk_of(p["slot"]), int(p["table"])) for p in out.get("placed", [])}
    unplaced = {
        pk_of(u["meeting"]): {
            "code": str(u.get("code") or ""),
            "people": [pk_of(p) for p in u.get("people", [])],
            "slots": [pk_of(s) for s in u.get("slots", [])],
        }
        for u in out.get("unplaced", [])
    }
    return ScheduleResult(
        placed=placed,
        unplaced=unplaced,
        total_priority=int(out.get("total_priority", 0)),
        upper_bound=int(out.get("upper_bound", 0)),
    )


def names_list(names: Sequence[str]) -> str:
    """ "Amina", "Amina and Lars", "Amina, Lars and Wei" in the active language."""
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def unplaced_text(reason: Mapping[str, Any], names: Mapping[int, str]) -> str:
    """The scheduler's reason as a sentence with the people's names, in the active language."""
    if not reason:
        return ""
    who = names_list([names.get(pk, "?") for pk in reason.get("people", [])])
    code = reason.get("code")
    if code == "no_common_slot":
        return _("%(names)s share no free slot.") % {"names": who}
    if code == "slots_taken":
        return _(
            "%(names)s are free at the same time only in slots where one of them already has another meeting."
        ) % {"names": who}
    if code == "tables_full":
        return _("Every table is taken in the slots when %(names)s are all free.") % {"names": who}
    if code == "slot_removed":
        return _("The slot of this meeting was removed.")
    return _("The scheduler could not place the meeting of %(names)s.") % {"names": who}


# --- networking rounds -----------------------------------------------------------------------------


Key = tuple[str, Any]


def identity_keys(registration: Registration) -> set[Key]:
    """Who a registration is, across the programme: the person and their user account (a mentor is a user,
    a mentee a person), or a guest's e-mail. Expects participation__person and user__person loaded
    (see `with_people`)."""
    keys: set[Key] = set()
    if registration.participation_id:
        person = registration.participation.person  # type: ignore[union-attr]
        keys.add(("p", person.pk))
        if person.user_id:
            keys.add(("u", person.user_id))
    if registration.user_id:
        keys.add(("u", registration.user_id))
        with contextlib.suppress(ObjectDoesNotExist):
            keys.add(("p", registration.user.person.pk))  # type: ignore[union-attr]
    if registration.guest_email:
        keys.add(("g", registration.guest_email.strip().lower()))
    return keys


def with_people(qs: Any) -> Any:
    return qs.select_related("participation__person", "user__person")


def _pairs(groups: Iterable[Sequence[set[Key]]]) -> set[frozenset[Key]]:
    pairs: set[frozenset[Key]] = set()
    for group in groups:
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                for ka in a:
                    for kb in b:
                        if ka != kb:
                            pairs.add(frozenset((ka, kb)))
    return pairs


def earlier_encounters(event: Event) -> set[frozenset[Key]]:
    """Pairs of identity keys who already met in this programme: in breakout groups of the project's other
    events, in 1:1 meetings at its events, in the project's peer groups and as mentoring pairs."""
    project_id = event.activity.project_id
    groups: list[list[set[Key]]] = []
    # earlier breakout groups of the project's other events
    members: dict[int, list[set[Key]]] = defaultdict(list)
    through = BreakoutGroup.members.through
    rows = through.objects.filter(breakoutgroup__event__activity__project_id=project_id).exclude(
        breakoutgroup__event=event
    )
    regs = {
        r.pk: r
        for r in with_people(
            Registration.objects.filter(pk__in=rows.values_list("registration_id", flat=True))
        )
    }
    for group_pk, reg_pk in rows.values_list("breakoutgroup_id", "registration_id"):
        members[group_pk].append(identity_keys(regs[reg_pk]))
    groups.extend(members.values())
    # 1:1 meetings at the project's events
    mrows = MeetingMember.objects.filter(meeting__event__activity__project_id=project_id).exclude(
        meeting__status=Meeting.Status.CANCELLED
    )
    mregs = {
        r.pk: r
        for r in with_people(
            Registration.objects.filter(pk__in=mrows.values_list("registration_id", flat=True))
        )
    }
    meeting_members: dict[int, list[set[Key]]] = defaultdict(list)
    for meeting_pk, reg_pk in mrows.values_list("meeting_id", "registration_id"):
        meeting_members[meeting_pk].append(identity_keys(mregs[reg_pk]))
    groups.extend(meeting_members.values())
    # peer groups of the project
    peer: dict[int, list[set[Key]]] = defaultdict(list)
    for group_pk, person_pk, user_pk in PeerGroupMembership.objects.filter(
        round__project_id=project_id
    ).values_list("group_id", "participation__person_id", "participation__person__user_id"):
        keys: set[Key] = {("p", person_pk)}
        if user_pk:
            keys.add(("u", user_pk))
        peer[group_pk].append(keys)
    groups.extend(peer.values())
    # mentoring pairs of the project (any that started or were proposed and not declined)
    for person_pk, user_pk, mentor_user_pk in (
        Mentorship.objects.filter(programme__project_id=project_id)
        .exclude(status=Mentorship.Status.DECLINED)
        .values_list(
            "mentee__participation__person_id", "mentee__participation__person__user_id", "mentor__user_id"
        )
    ):
        mentee: set[Key] = {("p", person_pk)} | ({("u", user_pk)} if user_pk else set())
        groups.append([mentee, {("u", mentor_user_pk)}])
    return _pairs(groups)


def met_pairs(registrations: Sequence[Registration], encounters: set[frozenset[Key]]) -> list[list[str]]:
    """The engine's `history`: pairs of these registrations whose people already met."""
    by_key: dict[Key, set[int]] = defaultdict(set)
    keys_of: dict[int, set[Key]] = {}
    for reg in registrations:
        keys_of[reg.pk] = identity_keys(reg)
        for key in keys_of[reg.pk]:
            by_key[key].add(reg.pk)
    neighbours: dict[Key, set[Key]] = defaultdict(set)
    for pair in encounters:
        a, b = tuple(pair)
        neighbours[a].add(b)
        neighbours[b].add(a)
    found: set[tuple[int, int]] = set()
    for reg in registrations:
        for key in keys_of[reg.pk]:
            for other_key in neighbours.get(key, ()):
                for other in by_key.get(other_key, ()):
                    if other != reg.pk:
                        found.add((min(reg.pk, other), max(reg.pk, other)))
    return [[reg_id(a), reg_id(b)] for a, b in sorted(found)]


@dataclass
class RoundsInput:
    data: dict[str, Any]
    people: list[Registration] = field(default_factory=list)


def working_languages(registration: Registration) -> list[str]:
    """Languages the person works in (B1 or better), for groups that share a working language."""
    person = registration.participation.person if registration.participation_id else None  # type: ignore[union-attr]
    if person is None:
        return []
    good = {"B1", "B2", "C1", "C2", "native"}
    return sorted(skill.language for skill in person.languages.all() if skill.level in good)


def rounds_input(
    event: Event,
    *,
    people: Sequence[Registration],
    first_open_round: int,
    fixed: Mapping[int, list[list[int]]],
) -> dict[str, Any]:
    """The rounds engine's input: everyone present from the first round still open, their working languages
    where groups should share one, who already met in this programme, and the published rounds fixed."""
    ids = [reg_id(r.pk) for r in people]
    languages = {reg.pk: working_languages(reg) for reg in people} if event.round_share_language else {}
    # Each person's working language in the groups: of the languages they work in, the one most of
    # those present share, so that the engine's `share` rule can keep groups to one language.
    spoken = Counter(code for codes in languages.values() for code in codes)
    persons = []
    for reg in people:
        attributes: dict[str, str] = {}
        if languages.get(reg.pk):
            attributes["language"] = max(languages[reg.pk], key=lambda code: (spoken[code], code))
        persons.append({"id": reg_id(reg.pk), "attributes": attributes})
    # people in the published rounds who are gone now are still part of those rounds
    in_fixed = {pk for groups in fixed.values() for group in groups for pk in group}
    extra = in_fixed - {r.pk for r in people}
    for pk in sorted(extra):
        persons.append({"id": reg_id(pk), "attributes": {}})
    present: dict[str, list[str]] = {}
    if extra or first_open_round > 1:
        present[str(first_open_round)] = ids
        for number in fixed:
            present[str(number)] = sorted({reg_id(pk) for group in fixed[number] for pk in group})
    everyone = list(people) + list(with_people(Registration.objects.filter(pk__in=extra)))
    data: dict[str, Any] = {
        "people": persons,
        "group_size": event.round_group_size,
        "rounds": event.round_count,
        "history": met_pairs(everyone, earlier_encounters(event)),
        "apart": [],
    }
    if event.round_share_language:
        data["share"] = ["language"]
    if present:
        data["present"] = present
    if fixed:
        data["fixed"] = {
            str(number): [[reg_id(pk) for pk in group] for group in groups]
            for number, groups in fixed.items()
        }
    return data


def run_rounds(data: dict[str, Any]) -> tuple[list[list[list[int]]], int]:
    """Groups per round as registration pks, and how many pairs meet again."""
    try:
        out = rounds.run_json(data, time_limit=ROUNDS_SECONDS)
    except InvalidInput as error:
        raise _engine_error(error) from None
    plan = [[[pk_of(p) for p in group] for group in groups] for groups in out.get("rounds", [])]
    return plan, int(out.get("repeats", 0))


def room_link(event: Event, round_number: int, room: int) -> str:
    """The video room of one breakout group: the configured server with a name made from the event (a hash
    of its secret token, so the public link is not given away), the round and the room; the event's own
    online link when no server is configured."""
    base = settings.POLKU_MEETING_ROOM_BASE
    if base:
        return f"{base.rstrip('/')}/polku-{room_slug(event.public_token)}-round{round_number}-room{room}"
    return event.online_url or ""
