"""Meeting reminders: members of a group hear a day ahead of each meeting (services.meeting_reminders_send)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.peergroups.services import meeting_reminders_send


@periodic("peergroups.meeting_reminders", every=dt.timedelta(hours=1))
@task()
def send_meeting_reminders() -> int:
    return meeting_reminders_send()
