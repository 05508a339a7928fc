"""Events with 1:1 meetings and networking rounds, and attendees who can sign in (tests only)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from polku.events.models import Event, MatchProfile, MeetingSlot, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing import factories as f


def matchmaking_event(partner: Any, *, slots: int = 3, tables: int = 2, **extra: Any) -> Event:
    """A published event of `partner` with matchmaking on and `slots` slots of 15 minutes from its start."""
    event = event_of(partner, matchmaking=True, meeting_tables=tables, **extra)
    for i in range(slots):
        start = event.starts_at + dt.timedelta(minutes=15 * i)
        MeetingSlot.objects.create(event=event, starts_at=start, ends_at=start + dt.timedelta(minutes=15))
    return event


def online_event(partner: Any, *, rounds: int = 3, size: int = 2, **extra: Any) -> Event:
    return event_of(
        partner,
        kind=Event.Kind.ONLINE,
        venue="",
        online_url="https://video.example.org/event",
        round_count=rounds,
        round_group_size=size,
        **extra,
    )


def attendee(event: Event, first_name: str, *, user: Any = None, participation: Any = None) -> Registration:
    """A participant of the event's partner, with a user account, and their confirmed registration."""
    if participation is None:
        user = user or f.UserFactory(email=f"{first_name.lower()}.{event.pk}@example.org")
        participation = f.ParticipationFactory(
            partner=event.activity.partner,
            person__user=user,
            person__email=user.email,
            person__first_name=first_name,
            person__last_name="Tester",
        )
    return RegistrationFactory(event=event, participation=participation)


def opt_in(
    registration: Registration,
    *,
    looking: list[str] | None = None,
    offering: list[str] | None = None,
    slots: list[MeetingSlot] | None = None,
) -> MatchProfile:
    profile = MatchProfile.objects.create(
        registration=registration, looking_for=looking or ["peer"], offering=offering or ["peer"]
    )
    if slots is not None:
        profile.available.set(slots)
    return profile


def user_of(registration: Registration) -> Any:
    return registration.participation.person.user  # type: ignore[union-attr]
