"""Periodic jobs of mentor days (see polku.core.schedule): entry points of the worker that only call the
services, the day-before reminders with a calendar file."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.mentordays import services


@periodic("mentordays.reminders", every=dt.timedelta(minutes=30))
@task()
def send_reminders() -> int:
    """Remind everyone whose slot starts within a day; `Booking.reminded_at` makes it idempotent."""
    return services.reminders_send()
