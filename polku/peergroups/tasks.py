"""Periodic jobs of peer groups (see polku.core.schedule): entry points of the worker that only call the
services, the meeting reminders a day ahead (idempotent through `reminded_at`)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from polku.core.schedule import periodic
from polku.peergroups import services


@periodic("peergroups.meeting_reminders", every=dt.timedelta(hours=1))
@task()
def send_meeting_reminders() -> int:
    return services.meeting_reminders_send()
