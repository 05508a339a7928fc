"""Periodic jobs of mentoring (see polku.core.schedule): entry points of the worker that only call the
services, session-log reminders and check-in surveys."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.mentoring import services


@periodic("mentoring.session_reminders", every=dt.timedelta(hours=6))
@task()
def send_session_reminders() -> int:
    return services.send_session_reminders()


@periodic("mentoring.checkins", every=dt.timedelta(hours=6))
@task()
def send_due_checkins() -> int:
    return services.send_due_checkins()
