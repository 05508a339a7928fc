"""Writes about mentor days: the day, its experts and slots, bookings, the waitlist and attendance.

Who: the coordinator of the partner running the day and the project lead (or an admin) manage it;
participants book for themselves. Concurrency: every booking, cancellation and waitlist change locks the
mentor day's row and then the participation's row (always in that order, so two writers never deadlock),
inside `transaction.atomic()`. The partial unique constraint on an active booking per slot backs the check
up in the database; overlapping bookings of one participant are refused under the participation's lock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import Membership, Role, User
from polku.activities.models import Activity, ActivityEnrolment
from polku.activities.services import activity_create
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentordays.models import Booking, Expert, MentorDay, Slot, WaitlistEntry
from polku.mentordays.slots import overlaps, slot_times
from polku.participants.models import Participation
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


def _correct() -> str:
    return _("Please correct the errors below.")


def _require_manager(access: Access, day: MentorDay) -> None:
    if not access.can_manage_activity(day.activity.project_id, day.activity.partner_id):
        raise AccessDenied(
            _("Only the project lead or a coordinator of the partner running the day can manage it.")
        )


def _lock_day(day: MentorDay) -> MentorDay:
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
    if not access.can_manage_activity(partner.project_id, partner.pk):
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
        raise ApplicationError(_correct(), field_errors=errors)
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
    _require_manager(access, mentor_day)
    values = {name: getattr(mentor_day, name) for name in DAY_FIELDS}
    values.update({k: v for k, v in data.items() if k in DAY_FIELDS})
    errors = _day_errors(values)
    if errors:
        raise ApplicationError(_correct(), field_errors=errors)
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
    _require_manager(access, mentor_day)
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
        raise ApplicationError(_correct(), field_errors=errors)
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
            _correct(), field_errors={"user": [_("This expert is already on the day.")]}
        ) from error


def expert_update(*, access: Access, expert: Expert, data: dict[str, Any]) -> Expert:
    _require_manager(access, expert.mentor_day)
    changed = []
    for name in ("name", "email", "topics", "languages"):
        if name in data and getattr(expert, name) != data[name]:
            setattr(expert, name, data[name])
            changed.append(name)
    if not expert.name.strip():
        raise ApplicationError(_correct(), field_errors={"name": [_("Give the expert's name.")]})
    if changed:
        expert.save(update_fields=[*changed, "updated_at"])
    return expert


def expert_remove(*, access: Access, expert: Expert) -> None:
    _require_manager(access, expert.mentor_day)
    with transaction.atomic():
        _lock_day(expert.mentor_day)
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
    _require_manager(access, mentor_day)
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
        raise ApplicationError(_correct(), field_errors=errors)
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
        _lock_day(mentor_day)
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
    _require_manager(access, mentor_day)
    if expert.mentor_day_id != mentor_day.pk:
        raise ApplicationError(
            _correct(), field_errors={"expert": [_("The expert must be on this mentor day.")]}
        )
    with transaction.atomic():
        _lock_day(mentor_day)
        errors = _slot_errors(expert, starts_at, ends_at, None)
        if errors:
            raise ApplicationError(_correct(), field_errors=errors)
        return Slot.objects.create(mentor_day=mentor_day, expert=expert, starts_at=starts_at, ends_at=ends_at)


def _has_active_booking(slot: Slot) -> bool:
    return slot.bookings.exclude(status=Booking.Status.CANCELLED).exists()


def slot_update(*, access: Access, slot: Slot, starts_at: dt.datetime, ends_at: dt.datetime) -> Slot:
    _require_manager(access, slot.mentor_day)
    with transaction.atomic():
        _lock_day(slot.mentor_day)
        if _has_active_booking(slot):
            raise ApplicationError(_("A booked slot cannot be moved; cancel the booking first."))
        errors = _slot_errors(slot.expert, starts_at, ends_at, slot.pk)
        if errors:
            raise ApplicationError(_correct(), field_errors=errors)
        slot.starts_at, slot.ends_at = starts_at, ends_at
        slot.save(update_fields=["starts_at", "ends_at", "updated_at"])
    return slot


def slot_delete(*, access: Access, slot: Slot) -> None:
    _require_manager(access, slot.mentor_day)
    with transaction.atomic():
        _lock_day(slot.mentor_day)
        if _has_active_booking(slot):
            raise ApplicationError(_("A booked slot cannot be removed; cancel the booking first."))
        slot.delete()


# --- booking ------------------------------------------------------------------------------------


def participation_for_day(*, access: Access, mentor_day: MentorDay) -> Participation | None:
    """The reader's own active participation that may book on this day, if any."""
    if access.person_id is None:
        return None
    rows = Participation.objects.filter(
        person_id=access.person_id, project_id=mentor_day.activity.project_id, exit_date__isnull=True
    )
    if not mentor_day.project_wide:
        rows = rows.filter(partner_id=mentor_day.activity.partner_id)
    return rows.first()


def _own_participation(access: Access, day: MentorDay) -> Participation:
    participation = participation_for_day(access=access, mentor_day=day)
    if participation is None:
        raise AccessDenied(_("Only the project's participants can book on this mentor day."))
    # The participation's row is the lock that keeps one person's bookings from overlapping.
    return Participation.objects.select_for_update().get(pk=participation.pk)


def _booking_window_error(day: MentorDay, now: dt.datetime) -> str | None:
    if day.status != MentorDay.Status.OPEN:
        return _("This mentor day is not open for booking.")
    if day.booking_opens_at and now < day.booking_opens_at:
        return _("Booking has not opened yet.")
    if day.booking_closes_at and now >= day.booking_closes_at:
        return _("Booking has closed.")
    return None


def _active_bookings(participation: Participation) -> list[Booking]:
    return list(
        Booking.objects.filter(participation=participation)
        .exclude(status=Booking.Status.CANCELLED)
        .select_related("slot")
    )


def _why_not(participation: Participation, day: MentorDay, slot: Slot) -> str | None:
    """Why this participant may not hold this slot now (None when they may)."""
    mine = _active_bookings(participation)
    if sum(1 for b in mine if b.slot.mentor_day_id == day.pk) >= day.max_bookings:
        return (
            _("You already have a booking on this mentor day.")
            if day.max_bookings == 1
            else _("You already have %(count)s bookings on this mentor day, the most allowed.")
            % {"count": day.max_bookings}
        )
    if any(overlaps((slot.starts_at, slot.ends_at), (b.slot.starts_at, b.slot.ends_at)) for b in mine):
        return _("You already have a booking at this time.")
    return None


def _audit(actor: User | None, booking: Booking | WaitlistEntry, fields: list[str], action: str) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=booking,
        person_id=booking.participation.person_id,
        partner_id=booking.participation.partner_id,
        fields=fields,
    )


def booking_create(
    *, actor: User | None, access: Access, slot: Slot, topic: str = "", now: dt.datetime | None = None
) -> Booking:
    """The participant books a free slot for themselves; exactly one of any concurrent requests wins it."""
    now = now or timezone.now()
    with transaction.atomic():
        day = _lock_day(slot.mentor_day)
        participation = _own_participation(access, day)
        error = _booking_window_error(day, now)
        if error is None and slot.starts_at <= now:
            error = _("This slot has already started.")
        if error is None and _has_active_booking(slot):
            error = _("This slot was just booked by someone else; choose another or join the waitlist.")
        if error is None:
            error = _why_not(participation, day, slot)
        if error is not None:
            raise ApplicationError(error, field_errors={"slot": [error]})
        try:
            with transaction.atomic():
                booking = Booking.objects.create(slot=slot, participation=participation, topic=topic.strip())
        except IntegrityError as integrity:  # the constraint as the last line of defence
            message = _("This slot was just booked by someone else; choose another or join the waitlist.")
            raise ApplicationError(message, field_errors={"slot": [message]}) from integrity
        booking.participation = participation
        _audit(actor, booking, ["slot", "topic"], AuditEvent.Action.CREATE)
        if _day_count(participation, day) >= day.max_bookings:
            WaitlistEntry.objects.filter(
                mentor_day=day, participation=participation, status=WaitlistEntry.Status.WAITING
            ).update(status=WaitlistEntry.Status.CANCELLED, updated_at=now)
    return booking


def _day_count(participation: Participation, day: MentorDay) -> int:
    return (
        Booking.objects.filter(participation=participation, slot__mentor_day=day)
        .exclude(status=Booking.Status.CANCELLED)
        .count()
    )


def free_slots(
    *, mentor_day: MentorDay, expert: Expert | None = None, now: dt.datetime | None = None
) -> list[Slot]:
    """Slots of the day (of one expert) not held by a booking and not started yet."""
    now = now or timezone.now()
    slots = mentor_day.slots.filter(starts_at__gt=now).exclude(
        bookings__status__in=[s.value for s in Booking.ACTIVE]
    )
    if expert is not None:
        slots = slots.filter(expert=expert)
    return list(slots.select_related("expert").order_by("starts_at", "pk"))


def waitlist_join(
    *,
    actor: User | None,
    access: Access,
    mentor_day: MentorDay,
    preferred_expert: Expert | None = None,
    topic: str = "",
    now: dt.datetime | None = None,
) -> WaitlistEntry:
    """Queue for the day (or one expert) when no suitable slot is free; the first in line gets a freed slot."""
    now = now or timezone.now()
    with transaction.atomic():
        day = _lock_day(mentor_day)
        participation = _own_participation(access, day)
        error = _booking_window_error(day, now)
        if preferred_expert is not None and preferred_expert.mentor_day_id != day.pk:
            error = _("The expert must be on this mentor day.")
        if error is None and _day_count(participation, day) >= day.max_bookings:
            error = _("You already have a booking on this mentor day.")
        if error is None:
            bookable = [
                s
                for s in free_slots(mentor_day=day, expert=preferred_expert, now=now)
                if _why_not(participation, day, s) is None
            ]
            if bookable:
                error = _("There are free slots; book one of them instead.")
        if (
            error is None
            and day.waitlist.filter(participation=participation, status=WaitlistEntry.Status.WAITING).exists()
        ):
            error = _("You are already on the waitlist of this mentor day.")
        if error is not None:
            raise ApplicationError(error, field_errors={"non_field_errors": [error]})
        entry = WaitlistEntry.objects.create(
            mentor_day=day,
            participation=participation,
            preferred_expert=preferred_expert,
            topic=topic.strip(),
        )
        entry.participation = participation
        _audit(actor, entry, ["mentor_day", "preferred_expert", "topic"], AuditEvent.Action.CREATE)
    return entry


def _can_cancel(access: Access, participation: Participation, day: MentorDay) -> bool:
    own = access.person_id is not None and participation.person_id == access.person_id
    return own or access.can_manage_activity(day.activity.project_id, day.activity.partner_id)


def waitlist_leave(*, actor: User | None, access: Access, entry: WaitlistEntry) -> WaitlistEntry:
    with transaction.atomic():
        day = _lock_day(entry.mentor_day)
        entry = WaitlistEntry.objects.select_related("participation").get(pk=entry.pk)
        if not _can_cancel(access, entry.participation, day):
            raise AccessDenied(_("Only the participant or the day's coordinator can do this."))
        if entry.status != WaitlistEntry.Status.WAITING:
            raise ApplicationError(_("This place on the waitlist is no longer waiting."))
        entry.status = WaitlistEntry.Status.CANCELLED
        entry.save(update_fields=["status", "updated_at"])
        _audit(actor, entry, ["status"], AuditEvent.Action.UPDATE)
    return entry


def booking_cancel(
    *, actor: User | None, access: Access, booking: Booking, now: dt.datetime | None = None
) -> Booking | None:
    """Cancel a booking (the participant or the day's manager); the first suitable waiting person gets the
    freed slot in the same transaction and is e-mailed. Returns the promoted booking, if any."""
    now = now or timezone.now()
    with transaction.atomic():
        day = _lock_day(booking.slot.mentor_day)
        booking = Booking.objects.select_related("participation", "slot__expert").get(pk=booking.pk)
        if not _can_cancel(access, booking.participation, day):
            raise AccessDenied(_("Only the participant or the day's coordinator can do this."))
        if booking.status != Booking.Status.BOOKED:
            raise ApplicationError(_("Only a booking that is still booked can be cancelled."))
        booking.status = Booking.Status.CANCELLED
        booking.cancelled_at = now
        booking.save(update_fields=["status", "cancelled_at"])
        _audit(actor, booking, ["status"], AuditEvent.Action.UPDATE)
        return _promote(actor=actor, day=day, slot=booking.slot, now=now)


def _promote(*, actor: User | None, day: MentorDay, slot: Slot, now: dt.datetime) -> Booking | None:
    if slot.starts_at <= now or day.status != MentorDay.Status.OPEN:
        return None
    waiting = day.waitlist.filter(status=WaitlistEntry.Status.WAITING).filter(
        Q(preferred_expert__isnull=True) | Q(preferred_expert=slot.expert)
    )
    for entry in waiting.order_by("created_at", "pk"):
        participation = Participation.objects.select_for_update().get(pk=entry.participation_id)
        if participation.exit_date is not None or _why_not(participation, day, slot) is not None:
            continue
        booking = Booking.objects.create(
            slot=slot, participation=participation, topic=entry.topic, from_waitlist=True
        )
        booking.participation = participation
        entry.status = WaitlistEntry.Status.PROMOTED
        entry.booking = booking
        entry.save(update_fields=["status", "booking", "updated_at"])
        _audit(actor, booking, ["slot", "topic", "from_waitlist"], AuditEvent.Action.CREATE)
        transaction.on_commit(partial(_email_promoted, booking.pk))
        return booking
    return None


def _email_promoted(booking_id: int) -> None:
    from polku.mentordays.emails import promoted_email

    promoted_email(booking_id=booking_id)


def attendance_mark(*, actor: User | None, access: Access, booking: Booking, status: str) -> Booking:
    """The day's manager marks attended or no-show (or back to booked); attending enrols in the activity."""
    day = booking.slot.mentor_day
    _require_manager(access, day)
    if status not in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW, Booking.Status.BOOKED):
        raise ApplicationError(_correct(), field_errors={"status": [_("Choose attended or did not come.")]})
    with transaction.atomic():
        _lock_day(day)
        booking = Booking.objects.select_related("participation").get(pk=booking.pk)
        if booking.status == Booking.Status.CANCELLED:
            raise ApplicationError(_("A cancelled booking has no attendance."))
        if booking.status == status:
            return booking
        booking.status = status
        booking.save(update_fields=["status"])
        _audit(actor, booking, ["status"], AuditEvent.Action.UPDATE)
        participation = booking.participation
        attended = Booking.objects.filter(
            participation=participation, slot__mentor_day=day, status=Booking.Status.ATTENDED
        ).exists()
        if attended:
            ActivityEnrolment.objects.get_or_create(
                activity=day.activity,
                participation=participation,
                defaults={"enrolled_on": max(day.date, participation.entry_date)},
            )
        else:
            ActivityEnrolment.objects.filter(activity=day.activity, participation=participation).delete()
    return booking


# --- reminders ----------------------------------------------------------------------------------


def reminders_send(*, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(hours=24)) -> int:
    """E-mail every booking whose slot starts within `ahead` and has had no reminder; idempotent.

    Each booking is claimed with one conditional UPDATE on `reminded_at`, so two workers never send twice.
    """
    from polku.mentordays.emails import reminder_email

    now = now or timezone.now()
    due = Booking.objects.filter(
        status=Booking.Status.BOOKED,
        reminded_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + ahead,
        slot__mentor_day__status=MentorDay.Status.OPEN,
    ).values_list("pk", flat=True)
    sent = 0
    for pk in list(due):
        if Booking.objects.filter(pk=pk, reminded_at__isnull=True).update(reminded_at=now) == 1:
            reminder_email(booking_id=pk)
            sent += 1
    return sent
