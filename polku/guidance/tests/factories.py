"""factory_boy factories of the guidance models (tests only)."""

from __future__ import annotations

import datetime as dt

import factory

from polku.guidance.models import Channel, GuidanceSession, Kind, NextStep
from polku.testing.factories import ModelFactory, ParticipationFactory


class GuidanceSessionFactory(ModelFactory[GuidanceSession]):
    class Meta:
        model = GuidanceSession

    participation = factory.SubFactory(ParticipationFactory)
    held_on = dt.date(2025, 5, 6)
    duration_minutes = 60
    channel = Channel.IN_PERSON
    kind = Kind.CAREER
    topics = factory.LazyFunction(lambda: ["job_search"])
    notes = "Worried about the language requirement; private."


class NextStepFactory(ModelFactory[NextStep]):
    class Meta:
        model = NextStep

    session = factory.SubFactory(GuidanceSessionFactory)
    text = "Send the CV to two employers"
    due_on = dt.date(2025, 5, 20)
    owner = NextStep.Owner.PARTICIPANT
