"""Task objects of mentor days that the services queue (through `emails.py`): the e-mail with a calendar
file. They live below the services and import none of them, so queueing one closes no circle with
`tasks.py`, which holds the periodic entry points and calls the services."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_calendar_email(*, subject: str, body: str, to: list[str], ics: str, filename: str) -> int:
    """Like polku.core.tasks.send_email, with one .ics attachment (text/calendar)."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    message.attach(filename, ics, "text/calendar; charset=utf-8; method=PUBLISH")
    return message.send()
