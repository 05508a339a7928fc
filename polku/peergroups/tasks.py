"""Meeting reminders: members of a group hear a day ahead of each meeting (idempotent: `reminded_at`)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_tasks import task

from polku.core.schedule import periodic
from polku.core.tasks import send_email


@periodic("peergroups.meeting_reminders", every=dt.timedelta(hours=1))
@task()
def send_meeting_reminders() -> int:
    from polku.peergroups.models import PeerGroupMeeting

    now = timezone.now()
    due = PeerGroupMeeting.objects.filter(
        reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + dt.timedelta(hours=24)
    ).prefetch_related("group__memberships__participation__person")
    sent = 0
    for meeting in due:
        for membership in meeting.group.memberships.all():
            person = membership.participation.person
            if not person.email:
                continue
            with override(person.preferred_language):
                send_email.enqueue(
                    subject=_("Peer-group meeting tomorrow"),
                    body=_("Your peer group meets at %(when)s: %(topic)s %(place)s")
                    % {
                        "when": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
                        "topic": meeting.topic,
                        "place": meeting.place or meeting.online_link,
                    },
                    to=[person.email],
                )
            sent += 1
        meeting.reminded_at = now
        meeting.save(update_fields=["reminded_at"])
    return sent
