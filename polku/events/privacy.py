"""Privacy handlers of events (found by polku.core.personal_data by this module's name), for every personal
row of the app: registrations (with the answers), 1:1 meeting profiles, meeting requests and blocks,
meetings, breakout groups of networking rounds, requests to stay in touch, and the calendar feed.

A person's rows are those of their participations and of their account (staff registrations, the feed).
Guests have neither: their registrations hold only a name and an e-mail, and are emptied with the answers
by the retention rules.

Export: every row above, without other people's data (a meeting lists its time and table, not who else
was there; a request received shows its status, not the sender's message).
Anonymisation: the free text is emptied (answers, the meeting profile's introduction and industries, the
messages of the person's requests); registrations and attendance stay, as the indicators count them.
Erasure: the answers and everything of 1:1 meetings, networking rounds and staying in touch (opt-in
features) are erased,
with cancelled registrations that never had an attendance, and the calendar feed; registrations with
their attendance are kept for the funder during the retention period, and so is a place on a waitlist
(the person leaves it on their events page).
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register, section
from polku.events.models import (
    BreakoutGroup,
    CalendarFeed,
    ContactRequest,
    MatchProfile,
    Meeting,
    MeetingBlock,
    MeetingMember,
    MeetingRequest,
    Registration,
)
from polku.participants.models import Person


def _mine(person: Person) -> Q:
    q = Q(participation__person=person)
    if person.user_id is not None:
        q |= Q(user_id=person.user_id)
    return q


def registrations_of(person: Person) -> QuerySet[Registration]:
    return Registration.objects.filter(_mine(person))


def _title(registration: Registration) -> str:
    return registration.event.title


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    mine = registrations_of(person).select_related("event__activity")
    event = (gettext_lazy("event"), lambda row: _title(row))
    if mine:
        sections["events.registrations"] = records(
            gettext_lazy("Event registrations"),
            mine,
            (
                "status",
                "attendance",
                "answers",
                "created_at",
                "cancelled_at",
                "late_cancellation",
                "checked_in_at",
            ),
            event=event,
            starts=(gettext_lazy("time"), lambda r: r.event.starts_at),
        )
    profiles = MatchProfile.objects.filter(registration__in=mine).select_related(
        "registration__event__activity"
    )
    if profiles:
        sections["events.match_profiles"] = records(
            gettext_lazy("1:1 meeting profiles"),
            profiles,
            ("looking_for", "offering", "industries", "introduction", "created_at"),
            event=(gettext_lazy("event"), lambda p: _title(p.registration)),
        )
    contacts = ContactRequest.objects.filter(Q(sender__in=mine) | Q(recipient__in=mine)).select_related(
        "event__activity"
    )
    if contacts:
        ids = {r.pk for r in mine}
        sections["events.contact_requests"] = section(
            gettext_lazy("Requests to stay in touch after an event"),
            [
                {
                    "event": c.event.title,
                    "direction": _("sent") if c.sender_id in ids else _("received"),
                    "status": c.get_status_display(),
                    "created_at": c.created_at,
                }
                for c in contacts
            ],
            {
                "event": gettext_lazy("event"),
                "direction": gettext_lazy("sent or received"),
                "status": gettext_lazy("status"),
                "created_at": gettext_lazy("sent"),
            },
        )
    requests = MeetingRequest.objects.filter(Q(sender__in=mine) | Q(recipient__in=mine)).select_related(
        "event__activity"
    )
    if requests:
        ids = {r.pk for r in mine}
        sections["events.meeting_requests"] = section(
            gettext_lazy("1:1 meeting requests"),
            [
                {
                    "event": r.event.title,
                    "direction": _("sent") if r.sender_id in ids else _("received"),
                    "status": r.get_status_display(),
                    "message": r.message if r.sender_id in ids else "",
                    "created_at": r.created_at,
                }
                for r in requests
            ],
            {
                "event": gettext_lazy("event"),
                "direction": gettext_lazy("sent or received"),
                "status": gettext_lazy("status"),
                "message": gettext_lazy("message"),
                "created_at": gettext_lazy("sent"),
            },
        )
    memberships = MeetingMember.objects.filter(registration__in=mine).select_related(
        "meeting__slot", "meeting__event__activity"
    )
    if memberships:
        sections["events.meetings"] = section(
            gettext_lazy("1:1 meetings"),
            [
                {
                    "event": m.meeting.event.title,
                    "time": m.meeting.slot.starts_at if m.meeting.slot else None,
                    "table": m.meeting.table,
                    "status": m.meeting.get_status_display(),
                    "attended": m.attended,
                }
                for m in memberships
            ],
            {
                "event": gettext_lazy("event"),
                "time": gettext_lazy("time"),
                "table": gettext_lazy("table"),
                "status": gettext_lazy("status"),
                "attended": gettext_lazy("attended"),
            },
        )
    groups = BreakoutGroup.objects.filter(members__in=mine).select_related("event__activity").distinct()
    if groups:
        sections["events.breakout_groups"] = records(
            gettext_lazy("Networking rounds"),
            groups,
            ("round_number", "room"),
            event=(gettext_lazy("event"), lambda g: g.event.title),
        )
    if person.user_id is not None:
        feeds = CalendarFeed.objects.filter(user_id=person.user_id)
        if feeds:
            sections["events.calendar_feed"] = records(
                gettext_lazy("Calendar feed"), feeds, ("created_at", "updated_at")
            )
    return sections


def _empty_free_text(person: Person) -> int:
    mine = registrations_of(person)
    changed = mine.exclude(answers={}).update(answers={})
    changed += (
        MatchProfile.objects.filter(registration__in=mine)
        .filter(~Q(introduction="") | ~Q(industries=""))
        .update(introduction="", industries="")
    )
    changed += MeetingRequest.objects.filter(sender__in=mine).exclude(message="").update(message="")
    return changed


def anonymise(person: Person) -> int:
    return _empty_free_text(person)


def erase(person: Person) -> Erasure:
    result = Erasure()
    mine = registrations_of(person)
    answers = mine.exclude(answers={}).update(answers={})
    if answers:
        result.erased.append(_("Answers to event questions (%(count)s)") % {"count": answers})
    profiles = MatchProfile.objects.filter(registration__in=mine).delete()[0]
    blocks = MeetingBlock.objects.filter(Q(blocker__in=mine) | Q(blocked__in=mine)).delete()[0]
    requests = MeetingRequest.objects.filter(Q(sender__in=mine) | Q(recipient__in=mine)).delete()[0]
    requests += ContactRequest.objects.filter(Q(sender__in=mine) | Q(recipient__in=mine)).delete()[0]
    meeting_ids = list(
        MeetingMember.objects.filter(registration__in=mine).values_list("meeting_id", flat=True)
    )
    members = MeetingMember.objects.filter(registration__in=mine).delete()[0]
    # a meeting left with one person is no meeting
    Meeting.objects.filter(pk__in=meeting_ids).annotate(n=Count("memberships")).filter(n__lt=2).exclude(
        status=Meeting.Status.CANCELLED
    ).update(status=Meeting.Status.CANCELLED, slot=None, table=None)
    groups = 0
    for group in BreakoutGroup.objects.filter(members__in=mine).distinct():
        group.members.remove(*mine.filter(breakout_groups=group))
        groups += 1
    if profiles or blocks or requests or members or groups:
        result.erased.append(
            _(
                "1:1 meeting profiles, requests and meetings, places in networking rounds and requests to "
                "stay in touch (%(count)s)"
            )
            % {"count": profiles + blocks + requests + members + groups}
        )
    history = mine.filter(
        status=Registration.Status.CANCELLED, attendance=Registration.Attendance.UNKNOWN
    ).delete()[0]
    if history:
        result.erased.append(_("Cancelled event registrations (%(count)s)") % {"count": history})
    if person.user_id is not None and CalendarFeed.objects.filter(user_id=person.user_id).delete()[0]:
        result.erased.append(_("The calendar feed address"))
    if mine.exclude(status=Registration.Status.WAITING).exists():
        result.kept.append(
            (
                _("Event registrations and attendance"),
                _("They prove the participation in the activity to the funder during the retention period."),
            )
        )
    if mine.filter(status=Registration.Status.WAITING).exists():
        result.kept.append(
            (
                _("Places on an event waitlist"),
                _("You are still in the queue; leave the waitlist on your events page to remove it."),
            )
        )
    return result


register("events", export=export, anonymise=anonymise, erase=erase)
