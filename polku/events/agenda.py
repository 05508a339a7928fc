"""A person's agenda of 1:1 meetings at an event as a calendar file (RFC 5545, the `icalendar` package)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from polku.events.models import Meeting, Registration
from polku.events.selectors.meetings import agenda


def agenda_calendar(registration: Registration, *, now: dt.datetime | None = None) -> bytes:
    """One VEVENT per published meeting of the attendee, with the table and the other people."""
    calendar = Calendar()
    calendar.add("prodid", "-//Polku//Event meetings//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    stamp = (now or timezone.now()).astimezone(dt.UTC)
    event = registration.event
    for item in agenda(registration):
        meeting: Meeting = item.meeting
        if meeting.slot is None:
            continue
        entry = CalendarEvent()
        entry.add("uid", f"events-meeting-{meeting.pk}-{registration.pk}@polku")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", meeting.slot.starts_at.astimezone(dt.UTC))
        entry.add("dtend", meeting.slot.ends_at.astimezone(dt.UTC))
        entry.add("summary", _("Meeting with %(names)s") % {"names": item.others_text})
        location = _("Table %(table)s") % {"table": meeting.table}
        if event.venue:
            location = f"{location}, {event.venue}"
        entry.add("location", location)
        entry.add("description", event.title)
        entry.add("status", "CONFIRMED")
        calendar.add_component(entry)
    return calendar.to_ical()


def agenda_filename(registration: Registration) -> str:
    return f"meetings-{registration.event.starts_at.astimezone(registration.event.zone):%Y%m%d}.ics"
