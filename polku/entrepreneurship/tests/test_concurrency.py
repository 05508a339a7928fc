"""Sparring sessions and introductions under real concurrency: threads racing on PostgreSQL (SQLite
serialises writers, so the race cannot happen there and the tests are skipped)."""

from __future__ import annotations

import datetime as dt

from polku.accounts.access import access_for
from polku.core.errors import ApplicationError
from polku.entrepreneurship.models import Introduction, SparringSession
from polku.entrepreneurship.services import sparring, transfers
from polku.entrepreneurship.tests.factories import IntroductionFactory, SparringFactory
from polku.testing import factories as f
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_an_expert_racing_past_the_agreed_sessions_records_only_them():
    row = SparringFactory(sessions_agreed=2)
    expert = row.expert
    data = {"held_on": dt.date(2025, 4, 1), "duration_minutes": 30, "notes": ""}
    results = race(
        [lambda: sparring.session_add(actor=expert, access=access_for(expert), sparring=row, data=data)] * 6
    )
    assert sum(isinstance(r, SparringSession) for r in results) == 2, results
    assert sum(isinstance(r, ApplicationError) for r in results) == 4, results
    assert SparringSession.objects.filter(sparring=row).count() == 2


def test_both_sides_agreeing_at_once_exchange_the_names():
    partner = f.PartnerFactory()
    user = f.UserFactory()
    participation = f.ParticipationFactory(partner=partner, person__user=user)
    coordinator = f.UserFactory()
    f.membership(coordinator, f.Role.COORDINATOR, partner=partner)
    intro = IntroductionFactory(listing__partner=partner, successor__participation=participation)
    race(
        [
            lambda: transfers.introduction_participant_answer(
                actor=user, access=access_for(user), introduction=intro, agree=True
            ),
            lambda: transfers.introduction_owner_answer(
                actor=coordinator, access=access_for(coordinator), introduction=intro, agree=True
            ),
        ]
    )
    intro = Introduction.objects.get(pk=intro.pk)
    assert intro.participant_agreed_at and intro.owner_agreed_at and intro.names_exchanged_at
    assert intro.status == Introduction.Status.AGREED
