"""factory_boy factories for mentor days (tests only)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from polku.mentordays.models import Booking, Expert, MentorDay, Slot
from polku.testing.factories import ActivityFactory, ModelFactory

FUTURE = timezone.localdate() + dt.timedelta(days=30)


class MentorDayFactory(ModelFactory[MentorDay]):
    class Meta:
        model = MentorDay

    activity = factory.SubFactory(
        ActivityFactory, kind="mentoring", name=factory.Sequence(lambda n: f"Mentor day {n}")
    )
    date = FUTURE
    starts_at = dt.time(10, 0)
    ends_at = dt.time(12, 0)
    time_zone = "Europe/Helsinki"
    place = "Library, room 2"
    languages = ["en", "fi"]
    status = MentorDay.Status.OPEN


class ExpertFactory(ModelFactory[Expert]):
    class Meta:
        model = Expert

    mentor_day = factory.SubFactory(MentorDayFactory)
    name = factory.Sequence(lambda n: f"Expert {n}")
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    topics = "Business plans, funding"


class SlotFactory(ModelFactory[Slot]):
    class Meta:
        model = Slot

    expert = factory.SubFactory(ExpertFactory)
    mentor_day = factory.SelfAttribute("expert.mentor_day")
    starts_at = factory.LazyAttribute(lambda s: s.mentor_day.start)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(minutes=30))


class BookingFactory(ModelFactory[Booking]):
    class Meta:
        model = Booking

    slot = factory.SubFactory(SlotFactory)
    status = Booking.Status.BOOKED


def day_of(partner, **kwargs) -> MentorDay:
    """An open mentor day of `partner` with two experts and two 30-minute slots each (10:00, 10:30)."""
    day = MentorDayFactory(activity__partner=partner, **kwargs)
    for name in ("Eva Expert", "Omar Expert"):
        expert = ExpertFactory(mentor_day=day, name=name)
        for minutes in (0, 30):
            start = day.start + dt.timedelta(minutes=minutes)
            SlotFactory(expert=expert, starts_at=start, ends_at=start + dt.timedelta(minutes=30))
    return day


def privacy_data(participation, *, text: str = "Amina") -> MentorDay:
    """Two bookings (one attended) and two waitlist entries (one waiting) of `participation`, with topics."""
    from polku.mentordays.models import WaitlistEntry

    day = day_of(participation.partner)
    slots = list(day.slots.all())
    BookingFactory(slot=slots[0], participation=participation, status="attended", topic=f"{text} topic 1")
    BookingFactory(slot=slots[1], participation=participation, topic=f"{text} topic 2")
    WaitlistEntry.objects.create(
        mentor_day=day, participation=participation, topic=f"{text} waiting", status="cancelled"
    )
    WaitlistEntry.objects.create(mentor_day=day, participation=participation, topic=f"{text} waiting")
    return day
