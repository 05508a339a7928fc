"""Bookings of mentor days: participants book free slots for themselves, queue on the waitlist, cancel
(the first suitable waiting person gets the freed slot), and the day's managers mark attendance; the
day-before reminders.

Concurrency: every booking, cancellation and waitlist change locks the mentor day's row and then the
participation's row (always in that order, so two writers never deadlock), inside `transaction.atomic()`.
The partial unique constraint on an active booking per slot backs the check up in the database;
overlapping bookings of one participant are refused under the participation's lock.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.activities.models import ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.audit.services import audit_record
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentordays import emails
from polku.mentordays.models import Booking, Expert, MentorDay, Slot, WaitlistEntry
from polku.mentordays.services.days import has_active_booking, lock_day, please_correct, require_manager
from polku.mentordays.slots import overlaps
from polku.participants.models import Participation


def participation_for_day(*, access: Access, mentor_day: MentorDay) -> Participation | None:
    """The reader's own active participation that may book on this day, if any."""
    if access.person_id is None:
        return None
    rows = Participation.objects.filter(
        person_id=access.person_id, project_id=mentor_day.activity.project_id, exit_date__isnull=True
    )
    if not mentor_day.project_wide:
        rows = rows.filter(partner=mentor_day.activity.partner)
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
        day = lock_day(slot.mentor_day)
        participation = _own_participation(access, day)
        error = _booking_window_error(day, now)
        if error is None and slot.starts_at <= now:
            error = _("This slot has already started.")
        if error is None and has_active_booking(slot):
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
        day = lock_day(mentor_day)
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
    return access.can_cancel_mentor_day_booking(
        person_id=participation.person_id,
        project_id=day.activity.project_id,
        partner_id=day.activity.partner_id,
    )


def waitlist_leave(*, actor: User | None, access: Access, entry: WaitlistEntry) -> WaitlistEntry:
    with transaction.atomic():
        day = lock_day(entry.mentor_day)
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
        day = lock_day(booking.slot.mentor_day)
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
        transaction.on_commit(partial(emails.promoted_email, booking_id=booking.pk))
        return booking
    return None


def attendance_mark(*, actor: User | None, access: Access, booking: Booking, status: str) -> Booking:
    """The day's manager marks attended or no-show (or back to booked); attending enrols in the activity."""
    day = booking.slot.mentor_day
    require_manager(access, day)
    if status not in (Booking.Status.ATTENDED, Booking.Status.NO_SHOW, Booking.Status.BOOKED):
        raise ApplicationError(
            please_correct(), field_errors={"status": [_("Choose attended or did not come.")]}
        )
    with transaction.atomic():
        lock_day(day)
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


def reminders_send(*, now: dt.datetime | None = None, ahead: dt.timedelta = dt.timedelta(hours=24)) -> int:
    """E-mail every booking whose slot starts within `ahead` and has had no reminder; idempotent.

    Each booking is claimed with one conditional UPDATE on `reminded_at`, so two workers never send twice.
    """
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
            emails.reminder_email(booking_id=pk)
            sent += 1
    return sent
