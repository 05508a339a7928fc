"""Periodic jobs of mentoring: session-log reminders and check-in surveys (see polku.core.schedule)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic


@periodic("mentoring.session_reminders", every=dt.timedelta(hours=6))
@task()
def send_session_reminders() -> int:
    from polku.mentoring import services

    return services.send_session_reminders()


@periodic("mentoring.checkins", every=dt.timedelta(hours=6))
@task()
def send_due_checkins() -> int:
    from polku.mentoring import services

    return services.send_due_checkins()
