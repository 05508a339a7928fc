"""The e-mail with a calendar file that mentor days' and events' reminders send. It lives below the
services and imports none of them, so queueing one closes no circle with `tasks.py`. The message goes
through the outbox of `polku.core.tasks.send_email` (sent at most once, failures shown to admins)."""

from __future__ import annotations

from typing import Any

from polku.core.tasks import Attachment, send_email


class CalendarEmail:
    """`send_calendar_email.enqueue(subject=…, body=…, to=[…], ics=…, filename=…)`."""

    def enqueue(self, *, subject: str, body: str, to: list[str], ics: str, filename: str) -> Any:
        attachment = Attachment(
            filename=filename, content=ics, mimetype="text/calendar; charset=utf-8; method=PUBLISH"
        )
        return send_email.enqueue(subject=subject, body=body, to=to, attachments=[attachment])


send_calendar_email = CalendarEmail()
