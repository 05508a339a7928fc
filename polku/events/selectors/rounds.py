"""Reads of networking rounds: every room of every round for the organiser, and one attendee's live view
("Round 2 of 5: room 7 with Amina, Lars and Wei", with the room link)."""

from __future__ import annotations

from dataclasses import dataclass, field

from polku.events.models import BreakoutGroup, Event, Registration
from polku.events.scheduling import names_list, room_link


@dataclass
class Room:
    group: BreakoutGroup
    members: list[Registration]
    link: str

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.members]


@dataclass
class Round:
    number: int
    rooms: list[Room] = field(default_factory=list)

    @property
    def published(self) -> bool:
        return any(r.group.published for r in self.rooms)


def rounds_of(event: Event) -> list[Round]:
    """Every planned round with its rooms and members, for the organiser."""
    groups = (
        BreakoutGroup.objects.filter(event=event)
        .prefetch_related("members__participation__person", "members__user")
        .order_by("round_number", "room")
    )
    out: dict[int, Round] = {}
    for group in groups:
        members = sorted(group.members.all(), key=lambda r: r.pk)
        out.setdefault(group.round_number, Round(group.round_number)).rooms.append(
            Room(group=group, members=members, link=room_link(event, group.round_number, group.room))
        )
    return [out[n] for n in sorted(out)]


def unplaced_people(event: Event) -> list[Registration]:
    """Confirmed registrations in no room of any planned round (late joiners to place)."""
    placed = BreakoutGroup.members.through.objects.filter(breakoutgroup__event=event).values(
        "registration_id"
    )
    return list(
        Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED)
        .exclude(pk__in=placed)
        .exclude(attendance=Registration.Attendance.NO_SHOW)
        .select_related("participation__person", "user")
        .order_by("pk")
    )


@dataclass
class Live:
    event: Event
    current: int
    total: int
    room: int | None = None
    others: list[str] = field(default_factory=list)
    link: str = ""
    finished: bool = False

    @property
    def others_text(self) -> str:
        return names_list(self.others)

    @property
    def waiting(self) -> bool:
        return self.current == 0


def live(registration: Registration) -> Live:
    """Where the attendee is now: the running round's room, the others in it and the room link."""
    event = registration.event
    state = Live(event=event, current=event.current_round, total=event.round_count)
    if event.current_round > event.round_count:
        state.finished = True
        return state
    if event.current_round < 1:
        return state
    group = (
        BreakoutGroup.objects.filter(
            event=event, round_number=event.current_round, published=True, members=registration
        )
        .prefetch_related("members__participation__person", "members__user")
        .first()
    )
    if group is not None:
        state.room = group.room
        state.others = [
            m.name for m in sorted(group.members.all(), key=lambda r: r.pk) if m.pk != registration.pk
        ]
        state.link = room_link(event, group.round_number, group.room)
    return state
