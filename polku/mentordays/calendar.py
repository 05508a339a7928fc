"""Calendar files (RFC 5545) for mentor-day bookings, built with the `icalendar` package."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from polku.mentordays.models import Booking


def booking_calendar(booking: Booking, *, now: dt.datetime | None = None) -> bytes:
    """One VEVENT for the booked slot (cancelled bookings get STATUS:CANCELLED, so calendars drop it)."""
    slot = booking.slot
    day = slot.mentor_day
    calendar = Calendar()
    calendar.add("prodid", "-//Polku//Mentor days//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"mentordays-booking-{booking.pk}@polku")
    event.add("dtstamp", (now or timezone.now()).astimezone(dt.UTC))
    event.add("dtstart", slot.starts_at.astimezone(dt.UTC))
    event.add("dtend", slot.ends_at.astimezone(dt.UTC))
    event.add("summary", _("%(day)s: %(expert)s") % {"day": day.name, "expert": slot.expert.name})
    location = day.place or day.online_url
    if location:
        event.add("location", location)
    if day.online_url:
        event.add("url", day.online_url)
    lines = [day.description] if day.description else []
    if slot.expert.topics:
        lines.append(
            _("Expert: %(name)s – %(topics)s") % {"name": slot.expert.name, "topics": slot.expert.topics}
        )
    if booking.topic:
        lines.append(_("Your topic: %(topic)s") % {"topic": booking.topic})
    if lines:
        event.add("description", "\n".join(lines))
    cancelled = booking.status == Booking.Status.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("sequence", 1 if cancelled else 0)
    calendar.add_component(event)
    return calendar.to_ical()


def calendar_filename(booking: Booking) -> str:
    return f"mentor-day-{booking.slot.starts_at.astimezone(booking.slot.mentor_day.zone):%Y%m%d-%H%M}.ics"
