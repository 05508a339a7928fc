"""Periodic work of mentoring, run by the tasks in `polku.mentoring.tasks`: session-log reminders to
quiet pairs, and check-ins 30 days after the start and then every 60 days. Both are idempotent."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from polku.mentoring import emails
from polku.mentoring.models import CheckIn, Mentorship, Side

FIRST_CHECKIN_DAYS = 30
CHECKIN_EVERY_DAYS = 60


def send_session_reminders(*, today: dt.date | None = None) -> int:
    """Remind both sides of active mentorships with no session in the programme's `reminder_days`.

    Idempotent: a mentorship is reminded at most once per `reminder_days`.
    """
    today = today or timezone.localdate()
    sent = 0
    rows = (
        Mentorship.objects.filter(status=Mentorship.Status.ACTIVE)
        .select_related("programme", "mentee__participation__person", "mentor__user")
        .annotate(last_session=Max("sessions__held_on"))
    )
    for mentorship in rows:
        days = dt.timedelta(days=mentorship.programme.reminder_days)
        last = mentorship.last_session or mentorship.started_on
        if last is None or today - last < days:
            continue
        if mentorship.reminded_on and today - mentorship.reminded_on < days:
            continue
        with transaction.atomic():
            claimed = Mentorship.objects.filter(pk=mentorship.pk, reminded_on=mentorship.reminded_on).update(
                reminded_on=today
            )
            if not claimed:
                continue
            emails.session_reminder(mentorship, last=last)
        sent += 1
    return sent


def checkin_due_dates(started_on: dt.date, today: dt.date) -> list[dt.date]:
    """30 days after the start, then every 60 days, up to today."""
    dates = []
    due = started_on + dt.timedelta(days=FIRST_CHECKIN_DAYS)
    while due <= today:
        dates.append(due)
        due += dt.timedelta(days=CHECKIN_EVERY_DAYS)
    return dates


def send_due_checkins(*, today: dt.date | None = None) -> int:
    """Create and e-mail the latest due check-in of each side of every active mentorship; idempotent."""
    today = today or timezone.localdate()
    created = 0
    rows = Mentorship.objects.filter(
        status=Mentorship.Status.ACTIVE, started_on__isnull=False
    ).select_related("programme", "mentee__participation__person", "mentor__user")
    for mentorship in rows:
        assert mentorship.started_on is not None
        dates = checkin_due_dates(mentorship.started_on, today)
        if not dates:
            continue
        for side in (Side.MENTEE, Side.MENTOR):
            with transaction.atomic():
                checkin, new = CheckIn.objects.get_or_create(
                    mentorship=mentorship, side=side, due_on=dates[-1]
                )
                if not new:
                    continue
                emails.checkin_due(mentorship, checkin)
            created += 1
    return created
