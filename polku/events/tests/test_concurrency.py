"""Registrations under real concurrency: threads racing on PostgreSQL for the last seats (SQLite serialises
writers, so the race cannot happen there and the test is skipped)."""

from __future__ import annotations

from collections.abc import Callable

from polku.accounts.access import access_for
from polku.accounts.models import User
from polku.events.models import Registration
from polku.events.services import registrations as services
from polku.events.tests.factories import event_of
from polku.testing import factories as f
from polku.testing.concurrency import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def test_twelve_people_race_for_three_seats_and_nobody_is_overbooked():
    partner = f.PartnerFactory()
    event = event_of(partner, capacity=3)
    users = []
    for _ in range(12):
        user = f.UserFactory()
        f.ParticipationFactory(partner=partner, person__user=user)
        users.append(user)
    results = race(
        [lambda u=u: services.register_self(actor=u, access=access_for(u), event=event) for u in users]
    )
    assert all(isinstance(r, Registration) for r in results), results
    statuses = sorted(r.status for r in results if isinstance(r, Registration))
    assert statuses.count("confirmed") == 3 and statuses.count("waiting") == 9
    assert Registration.objects.filter(event=event, status__in=["confirmed", "offered"]).count() == 3


def test_cancellations_racing_with_registrations_never_exceed_the_capacity():
    partner = f.PartnerFactory()
    event = event_of(partner, capacity=2)
    holders: list[User] = []
    newcomers: list[User] = []
    for group in (holders, newcomers):
        for _ in range(4):
            user = f.UserFactory()
            f.ParticipationFactory(partner=partner, person__user=user)
            group.append(user)
    seats = [services.register_self(actor=u, access=access_for(u), event=event) for u in holders]

    def cancel(user: User, registration: Registration) -> Callable[[], Registration]:
        return lambda: services.registration_cancel(
            actor=user, access=access_for(user), registration=registration
        )

    def register(user: User) -> Callable[[], Registration]:
        return lambda: services.register_self(actor=user, access=access_for(user), event=event)

    calls = [cancel(u, r) for u, r in zip(holders[:2], seats[:2], strict=True)] + [
        register(u) for u in newcomers
    ]
    results = race(calls)
    assert not [r for r in results if isinstance(r, Exception)], results
    assert Registration.objects.filter(event=event, status__in=["confirmed", "offered"]).count() == 2
    # the freed seats went to the first waiting (registered before the newcomers), as offers
    offered = set(Registration.objects.filter(event=event, status="offered").values_list("pk", flat=True))
    assert offered == {seats[2].pk, seats[3].pk}
