"""Mentor-day rules: managing, booking, no double booking, waitlist promotion, attendance, reminders."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from polku.accounts.access import access_for
from polku.activities.models import ActivityEnrolment
from polku.core.errors import AccessDenied, ApplicationError
from polku.mentordays import services
from polku.mentordays.calendar import booking_calendar
from polku.mentordays.models import Booking, MentorDay, Slot, WaitlistEntry
from polku.mentordays.slots import free_of, slot_times
from polku.mentordays.tests.factories import day_of
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def slots_of(day: MentorDay) -> list[Slot]:
    return list(day.slots.order_by("starts_at", "expert__name"))


def participant(world, partner=None, name="Chen"):
    user = f.UserFactory()
    f.ParticipationFactory(partner=partner or world.a, person__user=user, person__first_name=name)
    return user


def test_slot_times_skip_the_break_and_keep_gaps():
    start = dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.UTC)
    lunch = (start.replace(hour=11), start.replace(hour=11, minute=30))
    times = slot_times(
        start=start,
        end=start.replace(hour=12),
        length=dt.timedelta(minutes=25),
        gap=dt.timedelta(minutes=5),
        breaks=[lunch],
    )
    assert [s.strftime("%H:%M") for s, _ in times] == ["10:00", "10:30", "11:30"]
    assert free_of(times, [(start, start.replace(minute=20))]) == times[1:]


def test_coordinator_creates_a_day_as_an_activity_and_generates_slots(world):
    access = access_for(world.coord_a)
    day = services.mentor_day_create(
        actor=world.coord_a,
        access=access,
        partner=world.a,
        name="Mentor day 1/10",
        date=dt.date(2030, 3, 10),
        starts_at=dt.time(9, 0),
        ends_at=dt.time(12, 0),
        time_zone="Europe/Stockholm",
    )
    assert day.activity.kind == "mentoring" and day.activity.starts_on == dt.date(2030, 3, 10)
    eva = services.expert_add(access=access, mentor_day=day, name="Eva", email="eva@example.org")
    services.expert_add(access=access, mentor_day=day, name="Omar")
    created = services.slots_generate(
        access=access,
        mentor_day=day,
        slot_minutes=45,
        gap_minutes=15,
        break_start=dt.time(10, 0),
        break_end=dt.time(10, 30),
    )
    # 9:00–9:45, then the break, 10:30–11:15; 11:30 would end at 12:15
    assert len(created) == 4
    assert created[0].starts_at.astimezone(day.zone).time() == dt.time(9, 0)
    # Generating again adds nothing: every time would overlap the expert's own slots.
    assert services.slots_generate(access=access, mentor_day=day, slot_minutes=45, gap_minutes=15) == []
    with pytest.raises(ApplicationError):
        services.slot_create(
            access=access,
            mentor_day=day,
            expert=eva,
            starts_at=created[0].starts_at,
            ends_at=created[0].ends_at,
        )


def test_other_partners_coordinator_and_evaluator_cannot_manage(world):
    day = day_of(world.a)
    for user in (world.coord_b, world.evaluator, world.user_a):
        with pytest.raises(AccessDenied):
            services.expert_add(access=access_for(user), mentor_day=day, name="X")
    services.expert_add(access=access_for(world.lead), mentor_day=day, name="Lead's expert")


def test_booking_rules_one_per_day_no_overlap_and_partner(world):
    day = day_of(world.a)
    first, second, third, fourth = slots_of(day)  # 10:00 Eva, 10:00 Omar, 10:30 Eva, 10:30 Omar
    access = access_for(world.user_a)
    booking = services.booking_create(actor=world.user_a, access=access, slot=first, topic="Funding")
    assert booking.status == "booked"
    with pytest.raises(ApplicationError, match="already have a booking on this mentor day"):
        services.booking_create(actor=world.user_a, access=access, slot=third)
    MentorDay.objects.filter(pk=day.pk).update(max_bookings=2)
    with pytest.raises(ApplicationError, match="at this time"):
        services.booking_create(actor=world.user_a, access=access, slot=second)
    services.booking_create(actor=world.user_a, access=access, slot=fourth)
    other = participant(world)
    with pytest.raises(ApplicationError, match="just booked"):
        services.booking_create(actor=other, access=access_for(other), slot=first)
    # participants of another partner may not book a partner's own day, only a project-wide one
    with pytest.raises(AccessDenied):
        services.booking_create(actor=world.user_b, access=access_for(world.user_b), slot=third)
    MentorDay.objects.filter(pk=day.pk).update(project_wide=True)
    services.booking_create(actor=world.user_b, access=access_for(world.user_b), slot=third)


def test_draft_or_closed_day_cannot_be_booked(world):
    day = day_of(world.a, status=MentorDay.Status.DRAFT)
    with pytest.raises(ApplicationError, match="not open"):
        services.booking_create(actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0])
    day = day_of(world.a, booking_closes_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(ApplicationError, match="closed"):
        services.booking_create(actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0])


def test_waitlist_moves_up_on_cancellation_and_emails(world, django_capture_on_commit_callbacks):
    day = day_of(world.a)
    slots = slots_of(day)
    people = [participant(world, name=f"P{i}") for i in range(4)]
    for user, slot in zip(people, slots, strict=True):
        services.booking_create(actor=user, access=access_for(user), slot=slot)
    waiting = world.user_a
    # the preferred expert's slots are all taken too
    eva = slots[0].expert
    entry = services.waitlist_join(
        actor=waiting, access=access_for(waiting), mentor_day=day, preferred_expert=eva
    )
    later = participant(world, name="Later")
    services.waitlist_join(actor=later, access=access_for(later), mentor_day=day)
    with pytest.raises(ApplicationError, match="already on the waitlist"):
        services.waitlist_join(actor=waiting, access=access_for(waiting), mentor_day=day)
    mail.outbox.clear()
    # Omar's slot frees up: the first in line wants Eva, so the second gets it
    omar_booking = Booking.objects.get(slot=slots[1])
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.booking_cancel(
            actor=people[1], access=access_for(people[1]), booking=omar_booking
        )
    assert promoted is not None and promoted.participation.person.user == later and promoted.from_waitlist
    assert [m.subject for m in mail.outbox] == [f"You got a slot on {day.name}"]
    # Eva's slot frees up (cancelled by the coordinator): Amina moves up
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.booking_cancel(
            actor=world.coord_a, access=access_for(world.coord_a), booking=Booking.objects.get(slot=slots[0])
        )
    entry.refresh_from_db()
    assert entry.status == WaitlistEntry.Status.PROMOTED and entry.booking == promoted
    # promoted people can cancel too; nobody waits, so the slot is simply free
    assert (
        services.booking_cancel(actor=waiting, access=access_for(waiting), booking=present(promoted)) is None
    )
    assert services.free_slots(mentor_day=day) == [slots[0]]


def test_waitlist_refused_while_a_slot_is_free(world):
    day = day_of(world.a)
    with pytest.raises(ApplicationError, match="free slots"):
        services.waitlist_join(actor=world.user_a, access=access_for(world.user_a), mentor_day=day)


def test_others_cannot_cancel_a_booking(world):
    day = day_of(world.a, project_wide=True)
    booking = services.booking_create(
        actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0]
    )
    for user in (world.user_b, world.coord_b, world.evaluator):
        with pytest.raises(AccessDenied):
            services.booking_cancel(actor=user, access=access_for(user), booking=booking)


def test_attendance_enrols_in_the_activity(world):
    day = day_of(world.a)
    booking = services.booking_create(
        actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0]
    )
    access = access_for(world.coord_a)
    services.attendance_mark(actor=world.coord_a, access=access, booking=booking, status="attended")
    assert ActivityEnrolment.objects.filter(activity=day.activity, participation=world.part_a).exists()
    services.attendance_mark(actor=world.coord_a, access=access, booking=booking, status="no_show")
    assert not ActivityEnrolment.objects.filter(activity=day.activity, participation=world.part_a).exists()
    with pytest.raises(AccessDenied):
        services.attendance_mark(
            actor=world.coord_b, access=access_for(world.coord_b), booking=booking, status="attended"
        )


def test_reminders_are_sent_once_with_a_calendar_file(world):
    day = day_of(world.a)
    booking = services.booking_create(
        actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0]
    )
    mail.outbox.clear()
    early = booking.slot.starts_at - dt.timedelta(days=2)
    assert services.reminders_send(now=early) == 0
    the_day_before = booking.slot.starts_at - dt.timedelta(hours=20)
    assert services.reminders_send(now=the_day_before) == 1
    assert services.reminders_send(now=the_day_before + dt.timedelta(minutes=30)) == 0
    (message,) = mail.outbox
    assert message.to == [world.part_a.person.email]
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert "BEGIN:VEVENT" in content and "STATUS:CONFIRMED" in content


def test_calendar_of_a_booking(world):
    day = day_of(world.a, online_url="https://meet.example.org/md")
    booking = services.booking_create(
        actor=world.user_a, access=access_for(world.user_a), slot=slots_of(day)[0]
    )
    ics = booking_calendar(booking).decode()
    start = booking.slot.starts_at.astimezone(dt.UTC)
    assert f"DTSTART:{start:%Y%m%dT%H%M%S}Z" in ics
    assert "URL:https://meet.example.org/md" in ics
