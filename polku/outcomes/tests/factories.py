"""factory_boy factories of the outcome models (tests only)."""

from __future__ import annotations

import datetime as dt
import secrets

import factory

from polku.outcomes.models import ExitRecord, FollowUp, Outcome, Source
from polku.testing.factories import ModelFactory, ParticipationFactory


class ExitRecordFactory(ModelFactory[ExitRecord]):
    class Meta:
        model = ExitRecord

    participation = factory.SubFactory(ParticipationFactory, exit_date=dt.date(2025, 6, 30))
    status = "employed"
    status_on = dt.date(2025, 6, 30)
    qualification_gained = "no"
    source = Source.COORDINATOR


class FollowUpFactory(ModelFactory[FollowUp]):
    class Meta:
        model = FollowUp

    participation = factory.SubFactory(ParticipationFactory, exit_date=dt.date(2025, 6, 30))
    due_on = dt.date(2025, 12, 30)
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))


class OutcomeFactory(ModelFactory[Outcome]):
    class Meta:
        model = Outcome

    participation = factory.SubFactory(ParticipationFactory)
    kind = Outcome.Kind.JOB
    date = dt.date(2025, 5, 1)
    description = "Nurse at Espoo hospital"
    source = Source.COORDINATOR
