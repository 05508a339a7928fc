"""Mentor days as their managers set them up: the day (a mentoring activity of the project), its
experts and their bookable slots.

Who: the coordinator of the partner running the day and the project lead (or an admin), by
`Access.can_manage_mentor_day`. Every change of experts and slots locks the mentor day's row first, as
the bookings do (see `bookings.py`), so a slot is never moved or removed under a booking.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.activities.models import Activity
from polku.activities.services import activity_create
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentordays.models import Booking, Expert, MentorDay, Slot
from polku.mentordays.slots import overlaps, slot_times
from polku.projects.models import Partner

DAY_FIELDS = (
    "date",
    "starts_at",
    "ends_at",
    "time_zone",
    "place",
    "online_url",
    "languages",
    "description",
    "booking_opens_at",
    "booking_closes_at",
    "status",
    "project_wide",
    "max_bookings",
)


def please_correct() -> str:
    """The general message of a refusal with field errors."""
    return _("Please correct the errors below.")


def require_manager(access: Access, day: MentorDay) -> None:
    """AccessDenied unless the reader runs the day."""
    if not access.can_manage_mentor_day(day.activity.project_id, day.activity.partner_id):
        raise AccessDenied(
            _("Only the project lead or a coordinator of the partner running the day can manage it.")
        )


def lock_day(day: MentorDay) -> MentorDay:
    """The day's row, locked for the rest of the transaction: the first lock of every writer."""
    return MentorDay.objects.select_for_update().get(pk=day.pk)


def _day_errors(values: dict[str, Any]) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    try:
        ZoneInfo(values["time_zone"])
    except (ZoneInfoNotFoundError, ValueError, KeyError):
        errors["time_zone"] = [_("Unknown time zone.")]
    if values.get("starts_at") and values.get("ends_at") and values["ends_at"] <= values["starts_at"]:
        errors["ends_at"] = [_("The day must end after it starts.")]
    opens, closes = values.get("booking_opens_at"), values.get("booking_closes_at")
    if opens and closes and closes <= opens:
        errors["booking_closes_at"] = [_("Booking must close after it opens.")]
    if values.get("max_bookings") is not None and values["max_bookings"] < 1:
        errors["max_bookings"] = [_("Allow at least one booking per participant.")]
    return errors


def mentor_day_create(
    *,
    actor: User | None,
    access: Access,
    partner: Partner,
    name: str,
    date: dt.date,
    starts_at: dt.time,
    ends_at: dt.time,
    time_zone: str = "Europe/Helsinki",
    place: str = "",
    online_url: str = "",
    languages: Sequence[str] = (),
    description: str = "",
    booking_opens_at: dt.datetime | None = None,
    booking_closes_at: dt.datetime | None = None,
    status: str = MentorDay.Status.DRAFT,
    project_wide: bool = False,
    max_bookings: int = 1,
    activity: Activity | None = None,
) -> MentorDay:
    """A mentor day run by `partner`: a new activity of the project (kind mentoring), or an existing one."""
    if not access.can_manage_mentor_day(partner.project_id, partner.pk):
        raise AccessDenied(_("Only the project lead or the partner's coordinator can add mentor days."))
    values: dict[str, Any] = {
        "date": date,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "time_zone": time_zone.strip(),
        "place": place.strip(),
        "online_url": online_url.strip(),
        "languages": list(dict.fromkeys(code.strip().lower() for code in languages if code.strip())),
        "description": description.strip(),
        "booking_opens_at": booking_opens_at,
        "booking_closes_at": booking_closes_at,
        "status": status,
        "project_wide": project_wide,
        "max_bookings": max_bookings,
    }
    errors = _day_errors(values)
    if activity is not None:
        if activity.partner_id != partner.pk:
            errors["activity"] = [_("The activity must be run by the same partner.")]
        elif MentorDay.objects.filter(activity=activity).exists():
            errors["activity"] = [_("This activity already is a mentor day.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    with transaction.atomic():
        if activity is None:
            activity = activity_create(
                access=access,
                project=partner.project,
                partner=partner,
                kind=Activity.Kind.MENTORING,
                name=name,
                starts_on=date,
                ends_on=date,
            )
        day = MentorDay.objects.create(activity=activity, **values)
    return day


def mentor_day_update(*, access: Access, mentor_day: MentorDay, data: dict[str, Any]) -> MentorDay:
    require_manager(access, mentor_day)
    values = {name: getattr(mentor_day, name) for name in DAY_FIELDS}
    values.update({k: v for k, v in data.items() if k in DAY_FIELDS})
    errors = _day_errors(values)
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    changed = [name for name in DAY_FIELDS if getattr(mentor_day, name) != values[name]]
    with transaction.atomic():
        for name in changed:
            setattr(mentor_day, name, values[name])
        if changed:
            mentor_day.save(update_fields=[*changed, "updated_at"])
        activity = mentor_day.activity
        new_name = str(data.get("name", activity.name)).strip() or activity.name
        if new_name != activity.name or activity.starts_on != mentor_day.date:
            activity.name = new_name
            activity.starts_on = activity.ends_on = mentor_day.date
            activity.save(update_fields=["name", "starts_on", "ends_on", "updated_at"])
    return mentor_day


# --- experts ------------------------------------------------------------------------------------


def expert_add(
    *,
    access: Access,
    mentor_day: MentorDay,
    user: User | None = None,
    name: str = "",
    email: str = "",
    topics: str = "",
    languages: Sequence[str] = (),
) -> Expert:
    """An expert on the day: a user with a mentor role in the project, or a named external expert."""
    require_manager(access, mentor_day)
    errors: dict[str, list[str]] = {}
    if user is not None:
        is_mentor = Membership.objects.filter(
            user=user, role=Role.MENTOR, project_id=mentor_day.activity.project_id
        ).exists()
        if not is_mentor:
            errors["user"] = [_("This user is not a mentor or expert of the project.")]
        elif mentor_day.experts.filter(user=user).exists():
            errors["user"] = [_("This expert is already on the day.")]
        name = name.strip() or user.full_name or user.email
        email = email.strip() or user.email
    elif not name.strip():
        errors["name"] = [_("Give the expert's name.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    try:
        with transaction.atomic():
            return Expert.objects.create(
                mentor_day=mentor_day,
                user=user,
                name=name.strip(),
                email=email.strip(),
                topics=topics.strip(),
                languages=[c.strip().lower() for c in languages if c.strip()],
            )
    except IntegrityError as error:
        raise ApplicationError(
            please_correct(), field_errors={"user": [_("This expert is already on the day.")]}
        ) from error


def expert_update(*, access: Access, expert: Expert, data: dict[str, Any]) -> Expert:
    require_manager(access, expert.mentor_day)
    changed = []
    for name in ("name", "email", "topics", "languages"):
        if name in data and getattr(expert, name) != data[name]:
            setattr(expert, name, data[name])
            changed.append(name)
    if not expert.name.strip():
        raise ApplicationError(please_correct(), field_errors={"name": [_("Give the expert's name.")]})
    if changed:
        expert.save(update_fields=[*changed, "updated_at"])
    return expert


def expert_remove(*, access: Access, expert: Expert) -> None:
    require_manager(access, expert.mentor_day)
    with transaction.atomic():
        lock_day(expert.mentor_day)
        if Booking.objects.filter(slot__expert=expert).exclude(status=Booking.Status.CANCELLED).exists():
            raise ApplicationError(_("This expert's slots are booked; cancel the bookings first."))
        expert.delete()


# --- slots --------------------------------------------------------------------------------------


def _expert_busy(
    expert: Expert, *, exclude_slot_id: int | None = None
) -> list[tuple[dt.datetime, dt.datetime]]:
    """The expert's slots (on every day, when the expert is a user), as intervals."""
    slots = Slot.objects.filter(expert__user=expert.user) if expert.user_id else expert.slots.all()
    if exclude_slot_id is not None:
        slots = slots.exclude(pk=exclude_slot_id)
    return list(slots.values_list("starts_at", "ends_at"))


def slots_generate(
    *,
    access: Access,
    mentor_day: MentorDay,
    slot_minutes: int,
    gap_minutes: int = 0,
    break_start: dt.time | None = None,
    break_end: dt.time | None = None,
    experts: Sequence[Expert] | None = None,
) -> list[Slot]:
    """Slots for each expert across the day; times that would overlap the expert's existing slots are skipped."""
    require_manager(access, mentor_day)
    errors: dict[str, list[str]] = {}
    if slot_minutes < 5 or slot_minutes > 480:
        errors["slot_minutes"] = [_("A slot lasts 5 to 480 minutes.")]
    if gap_minutes < 0 or gap_minutes > 240:
        errors["gap_minutes"] = [_("The gap between slots is 0 to 240 minutes.")]
    if (break_start is None) != (break_end is None):
        errors["break_end"] = [_("Give both the start and the end of the break, or neither.")]
    elif break_start is not None and break_end is not None and break_end <= break_start:
        errors["break_end"] = [_("The break must end after it starts.")]
    if errors:
        raise ApplicationError(please_correct(), field_errors=errors)
    breaks = []
    if break_start is not None and break_end is not None:
        breaks.append((mentor_day.at(break_start), mentor_day.at(break_end)))
    times = slot_times(
        start=mentor_day.start,
        end=mentor_day.end,
        length=dt.timedelta(minutes=slot_minutes),
        gap=dt.timedelta(minutes=gap_minutes),
        breaks=breaks,
    )
    with transaction.atomic():
        lock_day(mentor_day)
        chosen = list(experts) if experts is not None else list(mentor_day.experts.all())
        if not chosen:
            raise ApplicationError(_("Add the experts before generating slots."))
        new: list[Slot] = []
        for expert in chosen:
            if expert.mentor_day_id != mentor_day.pk:
                raise ApplicationError(_("The expert must be on this mentor day."))
            busy = _expert_busy(expert)
            for start, end in times:
                if not any(overlaps((start, end), other) for other in busy):
                    new.append(Slot(mentor_day=mentor_day, expert=expert, starts_at=start, ends_at=end))
                    busy.append((start, end))
        return Slot.objects.bulk_create(new)


def _slot_errors(
    expert: Expert, start: dt.datetime, end: dt.datetime, exclude: int | None
) -> dict[str, list[str]]:
    if end <= start:
        return {"ends_at": [_("The slot must end after it starts.")]}
    if any(overlaps((start, end), other) for other in _expert_busy(expert, exclude_slot_id=exclude)):
        return {"starts_at": [_("The expert already has a slot at this time.")]}
    return {}


def slot_create(
    *, access: Access, mentor_day: MentorDay, expert: Expert, starts_at: dt.datetime, ends_at: dt.datetime
) -> Slot:
    require_manager(access, mentor_day)
    if expert.mentor_day_id != mentor_day.pk:
        raise ApplicationError(
            please_correct(), field_errors={"expert": [_("The expert must be on this mentor day.")]}
        )
    with transaction.atomic():
        lock_day(mentor_day)
        errors = _slot_errors(expert, starts_at, ends_at, None)
        if errors:
            raise ApplicationError(please_correct(), field_errors=errors)
        return Slot.objects.create(mentor_day=mentor_day, expert=expert, starts_at=starts_at, ends_at=ends_at)


def has_active_booking(slot: Slot) -> bool:
    """The slot is held by a booking that is not cancelled."""
    return slot.bookings.exclude(status=Booking.Status.CANCELLED).exists()


def slot_update(*, access: Access, slot: Slot, starts_at: dt.datetime, ends_at: dt.datetime) -> Slot:
    require_manager(access, slot.mentor_day)
    with transaction.atomic():
        lock_day(slot.mentor_day)
        if has_active_booking(slot):
            raise ApplicationError(_("A booked slot cannot be moved; cancel the booking first."))
        errors = _slot_errors(slot.expert, starts_at, ends_at, slot.pk)
        if errors:
            raise ApplicationError(please_correct(), field_errors=errors)
        slot.starts_at, slot.ends_at = starts_at, ends_at
        slot.save(update_fields=["starts_at", "ends_at", "updated_at"])
    return slot


def slot_delete(*, access: Access, slot: Slot) -> None:
    require_manager(access, slot.mentor_day)
    with transaction.atomic():
        lock_day(slot.mentor_day)
        if has_active_booking(slot):
            raise ApplicationError(_("A booked slot cannot be removed; cancel the booking first."))
        slot.delete()
