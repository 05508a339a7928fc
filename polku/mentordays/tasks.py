"""Background work of mentor days: the day-before reminders (a periodic job) and e-mails with a calendar file."""

from __future__ import annotations

import datetime as dt

from django.core.mail import EmailMultiAlternatives
from django_tasks import task

from polku.core.schedule import periodic


@task()
def send_calendar_email(*, subject: str, body: str, to: list[str], ics: str, filename: str) -> int:
    """Like polku.core.tasks.send_email, with one .ics attachment (text/calendar)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    message.attach(filename, ics, "text/calendar; charset=utf-8; method=PUBLISH")
    return message.send()


@periodic("mentordays.reminders", every=dt.timedelta(minutes=30))
@task()
def send_reminders() -> int:
    """Remind everyone whose slot starts within a day; `Booking.reminded_at` makes it idempotent."""
    from polku.mentordays.services import reminders_send

    return reminders_send()
