"""Bookings under real concurrency: threads racing on PostgreSQL (SQLite serialises writers, so the race
cannot happen there and the test is skipped)."""

from __future__ import annotations

import datetime as dt

from polku.accounts.access import access_for
from polku.core.errors import ApplicationError
from polku.mentordays import services
from polku.mentordays.models import Booking, MentorDay
from polku.mentordays.tests.factories import ExpertFactory, MentorDayFactory, SlotFactory
from polku.testing import factories as f
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_many_participants_race_for_one_slot_and_exactly_one_wins():
    partner = f.PartnerFactory()
    slot = SlotFactory(expert__mentor_day__activity__partner=partner)
    users = []
    for _ in range(8):
        user = f.UserFactory()
        f.ParticipationFactory(partner=partner, person__user=user)
        users.append(user)
    results = race(
        [lambda u=u: services.booking_create(actor=u, access=access_for(u), slot=slot) for u in users]
    )
    won = [r for r in results if isinstance(r, Booking)]
    lost = [r for r in results if isinstance(r, ApplicationError)]
    assert len(won) == 1 and len(lost) == 7, results
    assert Booking.objects.filter(slot=slot).count() == 1


def test_one_participant_racing_for_two_overlapping_slots_gets_one():
    partner = f.PartnerFactory()
    day = MentorDayFactory(activity__partner=partner, max_bookings=2)
    start = day.start
    slots = [
        SlotFactory(
            expert=ExpertFactory(mentor_day=day), starts_at=start, ends_at=start + dt.timedelta(minutes=30)
        )
        for _ in range(2)
    ]
    user = f.UserFactory()
    f.ParticipationFactory(partner=partner, person__user=user)
    results = race(
        [lambda s=s: services.booking_create(actor=user, access=access_for(user), slot=s) for s in slots]
    )
    assert sum(isinstance(r, Booking) for r in results) == 1, results
    assert Booking.objects.filter(participation__person__user=user).count() == 1
    assert MentorDay.objects.get(pk=day.pk).max_bookings == 2
