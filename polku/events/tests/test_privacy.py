"""The events privacy handlers: export, anonymisation and erasure of every personal row of the app."""

from __future__ import annotations

import json

import pytest

from polku.events import privacy
from polku.events.models import (
    BreakoutGroup,
    CalendarFeed,
    MatchProfile,
    Meeting,
    MeetingMember,
    MeetingRequest,
    Registration,
)
from polku.events.tests.factories import MeetingSlotFactory, RegistrationFactory, event_of
from polku.privacy.selectors import person_export
from polku.privacy.services import person_anonymise

pytestmark = pytest.mark.django_db


def data_of(world, participation, user, text):
    """Every kind of personal row of events for `participation` (and the account `user`)."""
    event = event_of(world.a)
    mine = RegistrationFactory(event=event, participation=participation, answers={"1": f"{text} diet"})
    other = RegistrationFactory(event=event, guest_name="Guest", guest_email=f"{text}@example.org")
    RegistrationFactory(event=event_of(world.a), participation=participation, status="cancelled")
    MatchProfile.objects.create(registration=mine, introduction=f"{text} intro", industries="food")
    MeetingRequest.objects.create(event=event, sender=mine, recipient=other, message=f"{text} hello")
    meeting = Meeting.objects.create(
        event=event, slot=MeetingSlotFactory(event=event), table=1, status="published"
    )
    MeetingMember.objects.create(meeting=meeting, registration=mine)
    MeetingMember.objects.create(meeting=meeting, registration=other)
    group = BreakoutGroup.objects.create(event=event, round_number=1, room=1)
    group.members.add(mine, other)
    CalendarFeed.objects.create(user=user)
    return event, mine


def test_export_has_every_row_of_the_person_only(world):
    data_of(world, world.part_a, world.user_a, "Amina")
    data_of(world, world.part_b, world.user_b, "Bogdan")
    sections = person_export(person=world.part_a.person)["sections"]
    mine = {k: v for k, v in sections.items() if k.startswith("events.")}
    assert set(mine) == {
        "events.registrations",
        "events.match_profiles",
        "events.meeting_requests",
        "events.meetings",
        "events.breakout_groups",
        "events.calendar_feed",
    }
    text = json.dumps(mine)
    assert "Bogdan" not in text and "Amina diet" in text and "Amina hello" in text
    assert len(mine["events.registrations"]["records"]) == 2
    assert mine["events.meetings"]["records"][0]["table"] == 1


def test_anonymise_empties_the_free_text_and_keeps_registrations(world):
    data_of(world, world.part_a, world.user_a, "Amina")
    data_of(world, world.part_b, world.user_b, "Bogdan")
    before = Registration.objects.count()
    person_anonymise(person=world.part_a.person)
    assert Registration.objects.count() == before
    assert all(r.answers == {} for r in Registration.objects.filter(participation=world.part_a))
    assert Registration.objects.get(participation=world.part_b, status="confirmed").answers == {
        "1": "Bogdan diet"
    }
    assert MatchProfile.objects.get(registration__participation=world.part_a).introduction == ""
    assert MeetingRequest.objects.get(sender__participation=world.part_a).message == ""
    assert MeetingRequest.objects.get(sender__participation=world.part_b).message == "Bogdan hello"


def test_erase_removes_the_opt_in_rows_and_keeps_attendance_with_a_reason(world):
    event, mine = data_of(world, world.part_a, world.user_a, "Amina")
    data_of(world, world.part_b, world.user_b, "Bogdan")
    result = privacy.erase(world.part_a.person)
    assert len(result.erased) == 4
    assert [item for item, _reason in result.kept] == ["Event registrations and attendance"]
    mine.refresh_from_db()
    assert mine.answers == {}
    assert not MatchProfile.objects.filter(registration=mine).exists()
    assert not MeetingRequest.objects.filter(sender=mine).exists()
    assert not MeetingMember.objects.filter(registration=mine).exists()
    assert Meeting.objects.get(event=event).status == Meeting.Status.CANCELLED  # one person left
    assert mine not in BreakoutGroup.objects.get(event=event).members.all()
    assert BreakoutGroup.objects.get(event=event).members.count() == 1
    assert not CalendarFeed.objects.filter(user=world.user_a).exists()
    assert Registration.objects.filter(participation=world.part_a).count() == 1  # the cancelled one went
    assert CalendarFeed.objects.filter(user=world.user_b).exists()
    assert MatchProfile.objects.filter(registration__participation=world.part_b).exists()
