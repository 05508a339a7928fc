"""E-mails of peer groups, each rendered in the member's own language and sent through the task queue.

The services call these; this module imports neither the services nor `tasks.py`, so the periodic task
(which calls the services) closes no import circle through it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from polku.core.tasks import send_email
from polku.participants.models import Person
from polku.peergroups.models import PeerGroup, PeerGroupMeeting


def group_ready(person: Person, *, group: PeerGroup, round_name: str) -> None:
    """Tell a member of a published round which group they are in, once the transaction commits."""
    with override(person.preferred_language):
        subject = _("Your peer group is ready")
        body = _(
            "You are in peer group %(number)s of %(round)s (working language: %(language)s). "
            "See your group and its meetings under My peer group."
        ) % {"number": group.number, "round": round_name, "language": group.language or "-"}
    to = person.email
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[to]))


def meeting_reminder(person: Person, *, meeting: PeerGroupMeeting) -> None:
    """Remind a member of their group's meeting (the day before)."""
    with override(person.preferred_language):
        subject = _("Peer-group meeting tomorrow")
        body = _("Your peer group meets at %(when)s: %(topic)s %(place)s") % {
            "when": timezone.localtime(meeting.starts_at).strftime("%Y-%m-%d %H:%M"),
            "topic": meeting.topic,
            "place": meeting.place or meeting.online_link,
        }
    send_email.enqueue(subject=subject, body=body, to=[person.email])
