"""Periodic jobs of events (see polku.core.schedule): entry points of the worker that only call the
services. Each is idempotent, looking at the database for what is due."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.events.services import registrations


@periodic("events.offers", every=dt.timedelta(minutes=5))
@task()
def expire_offers() -> int:
    """Offers of freed seats not taken in time move on to the next person waiting."""
    return registrations.offers_expire()


@periodic("events.reminders", every=dt.timedelta(minutes=15))
@task()
def send_reminders() -> int:
    """Reminders before each event (`Event.reminder_hours`), with the calendar file."""
    return registrations.reminders_send()


@periodic("events.answers_retention", every=dt.timedelta(hours=24))
@task()
def purge_answers() -> int:
    """Answers to the registration questions are emptied 30 days after the event ended."""
    return registrations.answers_purge()
