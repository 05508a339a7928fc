"""Periodic job of 1:1 meetings (see polku.core.schedule): the reminder 5 minutes before each published
meeting. Imported by EventsConfig.ready so the worker knows it; it only calls the service."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.events.services import meetings


@periodic("events.meeting_reminders", every=dt.timedelta(minutes=1))
@task()
def send_meeting_reminders() -> int:
    """Remind the members of meetings that start within 5 minutes; `Meeting.reminded_at` makes it idempotent."""
    return meetings.reminders_send()
