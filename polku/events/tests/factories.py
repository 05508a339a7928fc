"""factory_boy factories for events (tests only)."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from polku.events.models import Event, MeetingSlot, Question, Registration, Speaker
from polku.testing.factories import ActivityFactory, ModelFactory


def soon(days: int = 14, hour: int = 17) -> dt.datetime:
    """A time `days` from now at `hour` o'clock UTC."""
    return (timezone.now() + dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(ModelFactory[Event]):
    class Meta:
        model = Event

    activity = factory.SubFactory(
        ActivityFactory, kind="event", name=factory.Sequence(lambda n: f"Event {n}")
    )
    kind = Event.Kind.NETWORKING_DINNER
    status = Event.Status.PUBLISHED
    title_en = factory.SelfAttribute("activity.name")
    starts_at = factory.LazyFunction(soon)
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + dt.timedelta(hours=3))
    time_zone = "Europe/Helsinki"
    venue = "City Hall, Espoo"
    capacity = 20
    audience = Event.Audience.PROJECT


class SpeakerFactory(ModelFactory[Speaker]):
    class Meta:
        model = Speaker

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    organisation = "Own company"
    story = "Came to Finland in 2012 and founded a bakery."


class QuestionFactory(ModelFactory[Question]):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    kind = Question.Kind.DIETARY
    text_en = "Do you have dietary needs?"
    text_fi = "Onko sinulla ruokavalioita?"


class RegistrationFactory(ModelFactory[Registration]):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    status = Registration.Status.CONFIRMED


class MeetingSlotFactory(ModelFactory[MeetingSlot]):
    class Meta:
        model = MeetingSlot

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyAttribute(lambda s: s.event.starts_at)
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(minutes=15))


def event_of(partner, **kwargs) -> Event:
    """An event organised by `partner` (its activity belongs to the partner's project)."""
    return EventFactory(activity__project=partner.project, activity__partner=partner, **kwargs)
