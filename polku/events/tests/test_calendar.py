"""Calendar files: the event's, a registration's (stable UID, SEQUENCE, METHOD:CANCEL) and the personal
feed with event registrations, mentor-day bookings and published 1:1 meetings."""

from __future__ import annotations

import pytest
from django.urls import reverse
from icalendar import Calendar

from polku.accounts.access import access_for
from polku.events.calendar import event_calendar, feed_calendar, registration_calendar
from polku.events.models import Meeting, MeetingMember
from polku.events.services import events as event_services
from polku.events.services import registrations as services
from polku.events.tests.factories import MeetingSlotFactory, RegistrationFactory, event_of
from polku.mentordays.models import Booking
from polku.mentordays.tests.factories import day_of
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def vevents(content: bytes):
    calendar = Calendar.from_ical(content)
    return calendar, list(calendar.walk("VEVENT"))


def test_the_event_file_has_public_information_only(world):
    event = event_of(world.a, description_en="Stories of founders")
    RegistrationFactory(event=event, participation=world.part_a)
    calendar, (component,) = vevents(event_calendar(event))
    assert str(calendar["method"]) == "PUBLISH"
    assert str(component["summary"]) == event.title
    assert "Amina" not in event_calendar(event).decode()


def test_a_registration_keeps_its_uid_and_raises_its_sequence_until_cancelled(world):
    event = event_of(world.a)
    registration = services.register_self(actor=world.user_a, access=access_for(world.user_a), event=event)
    _, (first,) = vevents(registration_calendar(registration))
    assert int(first["sequence"]) == 0 and str(first["status"]) == "CONFIRMED"
    event_services.event_update(access=access_for(world.coord_a), event=event, data={"venue": "Another hall"})
    registration.refresh_from_db()
    _, (moved,) = vevents(registration_calendar(registration))
    assert str(moved["uid"]) == str(first["uid"]) and int(moved["sequence"]) == 1
    assert str(moved["location"]) == "Another hall"
    services.registration_cancel(
        actor=world.user_a, access=access_for(world.user_a), registration=registration
    )
    registration.refresh_from_db()
    calendar, (cancelled,) = vevents(registration_calendar(registration))
    assert str(calendar["method"]) == "CANCEL" and str(cancelled["status"]) == "CANCELLED"
    assert int(cancelled["sequence"]) == 2


def test_a_cancelled_event_cancels_the_registrations_in_calendars(world):
    event = event_of(world.a)
    registration = RegistrationFactory(event=event, participation=world.part_a)
    event_services.event_cancel(access=access_for(world.coord_a), event=event)
    registration.refresh_from_db()
    calendar, (component,) = vevents(registration_calendar(registration))
    assert str(calendar["method"]) == "CANCEL" and str(component["status"]) == "CANCELLED"
    assert str(vevents(event_calendar(registration.event))[0]["method"]) == "CANCEL"


def test_the_feed_has_registrations_bookings_and_published_meetings_of_the_person_only(world):
    event = event_of(world.a)
    mine = RegistrationFactory(event=event, participation=world.part_a)
    other = RegistrationFactory(event=event, participation=world.part_b)
    RegistrationFactory(event=event_of(world.a), participation=world.part_b)
    day = day_of(world.a)
    Booking.objects.create(slot=present(day.slots.first()), participation=world.part_a)
    placed = Meeting.objects.create(
        event=event, slot=MeetingSlotFactory(event=event), table=4, status="published"
    )
    unpublished = Meeting.objects.create(event=event, status="unplaced")
    for meeting in (placed, unpublished):
        MeetingMember.objects.create(meeting=meeting, registration=mine)
        MeetingMember.objects.create(meeting=meeting, registration=other)
    _, components = vevents(feed_calendar(world.user_a))
    uids = sorted(str(c["uid"]).split("-")[0] + "-" + str(c["uid"]).split("-")[1] for c in components)
    assert uids == ["events-meeting", "events-registration", "mentordays-booking"]
    meeting = next(c for c in components if str(c["uid"]).startswith("events-meeting"))
    assert "Bogdan" in str(meeting["summary"]) and "Table 4" in str(meeting["location"])


def test_the_feed_address_works_without_signing_in_and_a_new_one_revokes_it(client, world):
    RegistrationFactory(event=event_of(world.a), participation=world.part_a)
    feed = services.feed_get_or_create(user=world.user_a)
    old = reverse("events:feed", args=[feed.token])
    response = client.get(old)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in response.content
    new = services.feed_rotate(user=world.user_a)
    assert new.token != feed.token
    assert client.get(old).status_code == 404
    assert client.get(reverse("events:feed", args=[new.token])).status_code == 200
