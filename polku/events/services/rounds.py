"""Networking rounds of online events: breakout groups for every round, so that nobody meets the same person
twice, including people who already met in this programme (see `scheduling.earlier_encounters`).

The organiser plans every round with the engine, publishes rounds, starts them one after another
(`Event.current_round`), moves people between the rooms of a round that is not published yet or is running
now, and re-plans for late joiners and leavers: published rounds stay as they are (the engine's `fixed`),
only the rounds not yet published change, with those present now (`present`). Present are the confirmed
registrations not recorded as absent; a person who cancels or is marked absent leaves the later rounds.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.core.errors import ApplicationError
from polku.events import scheduling
from polku.events.models import BreakoutGroup, Event, Registration
from polku.events.services.events import lock_event, require_organiser


def _require_rounds(event: Event) -> None:
    if event.kind != Event.Kind.ONLINE or not event.round_count:
        raise ApplicationError(_("Set the number of networking rounds of this online event first."))


def present_people(event: Event) -> list[Registration]:
    """Everyone who takes part in the rounds from now on: confirmed, not recorded as absent."""
    return list(
        scheduling.with_people(
            Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).exclude(
                attendance=Registration.Attendance.NO_SHOW
            )
        )
        .prefetch_related("participation__person__languages")
        .order_by("pk")
    )


def published_rounds(event: Event) -> dict[int, list[list[int]]]:
    """The published rounds as registration pks per room, room by room."""
    groups: dict[int, dict[int, list[int]]] = defaultdict(dict)
    through = BreakoutGroup.members.through
    rows = through.objects.filter(breakoutgroup__event=event, breakoutgroup__published=True).values_list(
        "breakoutgroup__round_number", "breakoutgroup__room", "registration_id"
    )
    for number, room, reg in rows.order_by(
        "breakoutgroup__round_number", "breakoutgroup__room", "registration_id"
    ):
        groups[number].setdefault(room, []).append(reg)
    return {number: [rooms[r] for r in sorted(rooms)] for number, rooms in sorted(groups.items())}


def rounds_plan(*, access: Access, event: Event) -> int:
    """Plan (or re-plan) every round not yet published; returns how many pairs meet again (0 unless the
    group size and the number of people leave no other way)."""
    require_organiser(access, event)
    _require_rounds(event)
    with transaction.atomic():
        event = lock_event(event)
        fixed = published_rounds(event)
        first_open = max(fixed, default=0) + 1
        if first_open > event.round_count:
            raise ApplicationError(_("Every round is published already."))
        people = present_people(event)
        if len(people) < 2:
            raise ApplicationError(_("At least two people must be registered to form groups."))
        data = scheduling.rounds_input(event, people=people, first_open_round=first_open, fixed=fixed)
        plan, repeats = scheduling.run_rounds(data)
        BreakoutGroup.objects.filter(event=event, published=False).delete()
        for index, groups in enumerate(plan):
            number = index + 1
            if number < first_open:
                continue
            for room, members in enumerate(groups, start=1):
                if not members:
                    continue
                group = BreakoutGroup.objects.create(event=event, round_number=number, room=room)
                group.members.set(members)
    return repeats


def round_publish(*, access: Access, event: Event) -> int:
    """Publish the first planned round not yet published; returns its number."""
    require_organiser(access, event)
    _require_rounds(event)
    with transaction.atomic():
        event = lock_event(event)
        number = (
            BreakoutGroup.objects.filter(event=event, published=False)
            .order_by("round_number")
            .values_list("round_number", flat=True)
            .first()
        )
        if number is None:
            raise ApplicationError(_("Plan the rounds first."))
        BreakoutGroup.objects.filter(event=event, round_number=number).update(published=True)
    return number


def round_start_next(*, access: Access, event: Event) -> int:
    """Start the next round (publishing it when it is only planned); returns its number."""
    require_organiser(access, event)
    _require_rounds(event)
    with transaction.atomic():
        event = lock_event(event)
        number = event.current_round + 1
        if number > event.round_count:
            raise ApplicationError(_("That was the last round."))
        groups = BreakoutGroup.objects.filter(event=event, round_number=number)
        if not groups.exists():
            raise ApplicationError(_("Plan the rounds first."))
        groups.update(published=True)
        event.current_round = number
        event.save(update_fields=["current_round", "updated_at"])
    return number


def rounds_end(*, access: Access, event: Event) -> None:
    """Close the last round: the live page shows whom each person met."""
    require_organiser(access, event)
    with transaction.atomic():
        event = lock_event(event)
        event.current_round = event.round_count + 1
        event.save(update_fields=["current_round", "updated_at"])


def person_move(
    *, access: Access, event: Event, round_number: int, registration: Registration, room: int
) -> BreakoutGroup:
    """Move a person to another room of a round that is not published yet or is running now (a room number
    one above the last opens a new room)."""
    require_organiser(access, event)
    with transaction.atomic():
        event = lock_event(event)
        groups = BreakoutGroup.objects.filter(event=event, round_number=round_number)
        if not groups.exists():
            raise ApplicationError(
                please_round(), field_errors={"round_number": [_("This round is not planned.")]}
            )
        if groups.filter(published=True).exists() and round_number != event.current_round:
            raise ApplicationError(_("Only the running round or a round not yet published can change."))
        if registration.event_id != event.pk or registration.status != Registration.Status.CONFIRMED:
            raise ApplicationError(_("This person is not registered for the event."))
        last = groups.aggregate(last=Max("room"))["last"] or 0
        if not 1 <= room <= last + 1:
            raise ApplicationError(please_round(), field_errors={"room": [_("Choose one of the rooms.")]})
        for group in groups.filter(members=registration):
            group.members.remove(registration)
        target, _created = BreakoutGroup.objects.get_or_create(
            event=event,
            round_number=round_number,
            room=room,
            defaults={"published": groups.filter(published=True).exists()},
        )
        target.members.add(registration)
        # a room left empty goes
        for group in groups.exclude(pk=target.pk):
            if not group.members.exists():
                group.delete()
    return target


def late_joiner_add(*, access: Access, event: Event, registration: Registration) -> int:
    """Place a person who joined late: into the smallest room of the running round (if any, and they are
    not in it), then re-plan the rounds not yet published with them in. Returns pairs that meet again."""
    require_organiser(access, event)
    _require_rounds(event)
    if registration.event_id != event.pk or registration.status != Registration.Status.CONFIRMED:
        raise ApplicationError(_("This person is not registered for the event."))
    with transaction.atomic():
        current = event.current_round
        if 1 <= current <= event.round_count:
            groups = list(
                BreakoutGroup.objects.filter(event=event, round_number=current).prefetch_related("members")
            )
            if groups and not any(registration in g.members.all() for g in groups):
                smallest = min(groups, key=lambda g: (len(g.members.all()), g.room))
                smallest.members.add(registration)
        if current >= event.round_count:
            return 0
        return rounds_plan(access=access, event=event)


def please_round() -> str:
    return _("Please correct the errors below.")
