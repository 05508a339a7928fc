"""Calendar files (RFC 5545) of events, built with the `icalendar` package: one per event (its public
information), one per registration, and a person's feed (every event registration, mentor-day booking and
published 1:1 meeting they have) behind a secret, revocable address.

Updates reach calendars: a registration's VEVENT keeps its UID, and its SEQUENCE is the event's plus the
registration's (each raised on every change), so a newer file replaces the older one; a cancelled event or
registration is sent with METHOD:CANCEL and STATUS:CANCELLED, so calendars drop it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from polku.accounts.models import User
from polku.events.models import Event, Meeting, Registration
from polku.mentordays.calendar import booking_calendar
from polku.mentordays.models import Booking

PRODID = "-//Polku//Events//EN"
FEED_PAST_DAYS = 90  # the feed keeps what ended this many days ago


def _calendar(method: str = "PUBLISH", name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def _location(event: Event) -> str:
    return event.venue or event.online_url


def _event_component(event: Event, *, uid: str, sequence: int, status: str, now: dt.datetime) -> VEvent:
    component = VEvent()
    component.add("uid", uid)
    component.add("dtstamp", now.astimezone(dt.UTC))
    component.add("dtstart", event.starts_at.astimezone(dt.UTC))
    component.add("dtend", event.ends_at.astimezone(dt.UTC))
    component.add("summary", event.title)
    location = _location(event)
    if location:
        component.add("location", location)
    if event.online_url:
        component.add("url", event.online_url)
    lines = [event.description] if event.description else []
    speakers = list(event.speakers.all())
    if speakers:
        lines.append(_("Speakers: %(names)s") % {"names": ", ".join(s.name for s in speakers)})
    if lines:
        component.add("description", "\n\n".join(lines))
    component.add("status", status)
    component.add("sequence", sequence)
    return component


def event_calendar(event: Event, *, now: dt.datetime | None = None) -> bytes:
    """The event's public information (no one's registration)."""
    cancelled = event.status == Event.Status.CANCELLED
    calendar = _calendar("CANCEL" if cancelled else "PUBLISH")
    calendar.add_component(
        _event_component(
            event,
            uid=f"events-event-{event.pk}@polku",
            sequence=event.sequence,
            status="CANCELLED" if cancelled else "CONFIRMED",
            now=now or timezone.now(),
        )
    )
    return calendar.to_ical()


def registration_cancelled(registration: Registration) -> bool:
    return (
        registration.status == Registration.Status.CANCELLED
        or registration.event.status == Event.Status.CANCELLED
    )


def _registration_component(registration: Registration, now: dt.datetime) -> VEvent:
    event = registration.event
    if registration_cancelled(registration):
        status = "CANCELLED"
    elif registration.status == Registration.Status.CONFIRMED:
        status = "CONFIRMED"
    else:  # waiting, or a seat offered but not taken yet
        status = "TENTATIVE"
    component = _event_component(
        event,
        uid=f"events-registration-{registration.pk}@polku",
        sequence=event.sequence + registration.sequence,
        status=status,
        now=now,
    )
    component.add("attach", settings.POLKU_SITE_URL + reverse("events:mine"))
    return component


def registration_calendar(registration: Registration, *, now: dt.datetime | None = None) -> bytes:
    """One VEVENT of the person's registration; METHOD:CANCEL when it or the event was cancelled."""
    calendar = _calendar("CANCEL" if registration_cancelled(registration) else "PUBLISH")
    calendar.add_component(_registration_component(registration, now or timezone.now()))
    return calendar.to_ical()


def event_filename(event: Event) -> str:
    return f"event-{event.starts_at.astimezone(event.zone):%Y%m%d-%H%M}.ics"


def _meeting_component(meeting: Meeting, user: User, now: dt.datetime) -> VEvent:
    slot = meeting.slot
    assert slot is not None  # only placed meetings reach the feed
    component = VEvent()
    component.add("uid", f"events-meeting-{meeting.pk}@polku")
    component.add("dtstamp", now.astimezone(dt.UTC))
    component.add("dtstart", slot.starts_at.astimezone(dt.UTC))
    component.add("dtend", slot.ends_at.astimezone(dt.UTC))
    others = [
        r.name
        for r in meeting.members.all()
        if not (r.user_id == user.pk or (r.participation_id and r.participation.person.user_id == user.pk))  # type: ignore[union-attr]
    ]
    component.add(
        "summary", _("Meeting with %(names)s") % {"names": ", ".join(others) or _("other attendees")}
    )
    place = _("Table %(table)s") % {"table": meeting.table} if meeting.table else ""
    component.add("location", " · ".join(p for p in (meeting.event.title, place) if p))
    component.add("status", "CONFIRMED")
    component.add("sequence", meeting.event.sequence)
    return component


def feed_calendar(user: User, *, now: dt.datetime | None = None) -> bytes:
    """The person's feed: their event registrations (cancelled ones as STATUS:CANCELLED, so subscribed
    calendars drop them), mentor-day bookings and published 1:1 meetings, from FEED_PAST_DAYS ago on."""
    now = now or timezone.now()
    since = now - dt.timedelta(days=FEED_PAST_DAYS)
    calendar = _calendar(name=_("Polku: my events"))
    mine = Q(user=user) | Q(participation__person__user=user)
    registrations = (
        Registration.objects.filter(mine, event__ends_at__gte=since)
        .exclude(event__status=Event.Status.DRAFT)
        .select_related("event__activity")
        .prefetch_related("event__speakers")
    )
    for registration in registrations:
        calendar.add_component(_registration_component(registration, now))
    bookings = Booking.objects.filter(
        participation__person__user=user, slot__ends_at__gte=since
    ).select_related("slot__expert", "slot__mentor_day__activity")
    for booking in bookings:
        for component in Calendar.from_ical(booking_calendar(booking, now=now)).walk("VEVENT"):
            calendar.add_component(component)
    meetings = (
        Meeting.objects.filter(
            status=Meeting.Status.PUBLISHED,
            slot__isnull=False,
            slot__ends_at__gte=since,
            members__in=Registration.objects.filter(mine).exclude(status=Registration.Status.CANCELLED),
        )
        .distinct()
        .select_related("slot", "event__activity")
        .prefetch_related("members__participation__person", "members__user")
    )
    for meeting in meetings:
        calendar.add_component(_meeting_component(meeting, user, now))
    return calendar.to_ical()
