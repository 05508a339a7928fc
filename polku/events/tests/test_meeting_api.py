"""The meeting and round API: opting in, a request refused with the reason, must-meet and the scheduler, the
live state of the rounds."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from polku.events.models import BreakoutGroup, MeetingRequest
from polku.events.tests.meeting_world import attendee, matchmaking_event, online_event, opt_in, user_of
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def client_of(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_opt_in_and_a_declined_request_is_refused_with_the_reason(world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(lars, offering=["mentor"])
    api = client_of(user_of(amina))
    slot = present(event.meeting_slots.first())
    answer = api.put(
        f"/api/v1/events/{event.pk}/meetings/profile/",
        {"looking_for": ["mentor"], "available": [slot.pk]},
        format="json",
    )
    assert answer.status_code == 200 and answer.json()["available"] == [slot.pk]
    bad = api.put(f"/api/v1/events/{event.pk}/meetings/profile/", {"looking_for": ["pilot"]}, format="json")
    assert bad.status_code == 400 and "looking_for" in str(bad.json())
    (suggestion,) = api.get(f"/api/v1/events/{event.pk}/meetings/suggestions/").json()
    assert suggestion["registration"] == lars.pk and suggestion["reasons"]
    sent = api.post(f"/api/v1/events/{event.pk}/meetings/requests/", {"recipient": lars.pk}, format="json")
    assert sent.status_code == 201
    request = MeetingRequest.objects.get(pk=sent.json()["id"])
    declined = client_of(user_of(lars)).post(
        f"/api/v1/events/meeting-requests/{request.pk}/answer/", {"action": "decline"}, format="json"
    )
    assert declined.json()["status"] == "declined"
    again = api.post(f"/api/v1/events/{event.pk}/meetings/requests/", {"recipient": lars.pk}, format="json")
    assert again.status_code == 400 and "declined your earlier request" in str(again.json())


def test_must_meet_that_cannot_be_placed_comes_back_with_the_reason(world):
    event = matchmaking_event(world.a, slots=2)
    s1, s2 = event.meeting_slots.all()
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(amina, slots=[s1])
    opt_in(lars, slots=[s2])
    api = client_of(world.coord_a)
    made = api.post(
        f"/api/v1/events/{event.pk}/meetings/", {"registrations": [amina.pk, lars.pk]}, format="json"
    )
    assert made.status_code == 201 and made.json()["priority"] == 3
    run = api.post(f"/api/v1/events/{event.pk}/meetings/schedule/").json()
    assert (run["placed"], run["unplaced"]) == (0, 1)
    (row,) = api.get(f"/api/v1/events/{event.pk}/meetings/").json()
    assert row["reason"] == "Amina Tester and Lars Tester share no free slot."


def test_live_state_and_the_organisers_rooms(world):
    event = online_event(world.a, rounds=2, size=2)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    BreakoutGroup.objects.create(event=event, round_number=1, room=3, published=True).members.set(
        [amina, lars]
    )
    event.current_round = 1
    event.save()
    live = client_of(user_of(amina)).get(f"/api/v1/events/{event.pk}/live/").json()
    assert (live["current"], live["total"], live["room"], live["others"]) == (1, 2, 3, ["Lars Tester"])
    rounds = client_of(world.coord_a).get(f"/api/v1/events/{event.pk}/rounds/").json()
    assert rounds["rounds"][0]["rooms"][0]["members"][0]["name"] == "Amina Tester"
