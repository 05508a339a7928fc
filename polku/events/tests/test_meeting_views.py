"""The meeting and round pages: an attendee opts in, asks, answers and sees the agenda; the organiser runs
the scheduler and the rounds; a declined person cannot be asked (the page says why)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from polku.events.models import BreakoutGroup, Meeting, MeetingRequest
from polku.events.tests.meeting_world import attendee, matchmaking_event, online_event, opt_in, user_of
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def test_attendee_opts_in_asks_and_the_other_declines(client, world):
    event = matchmaking_event(world.a)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    opt_in(lars, offering=["mentor"])
    client.force_login(user_of(amina))
    page = client.get(reverse("events:match_profile", args=[event.pk]))
    assert page.status_code == 200
    slot = present(event.meeting_slots.first())
    answer = client.post(
        reverse("events:match_profile", args=[event.pk]),
        {"looking_for": ["mentor"], "available": [str(slot.pk)], "introduction": "Baker"},
    )
    assert answer.status_code == 302
    page = client.get(reverse("events:suggestions", args=[event.pk]))
    assert "Lars Tester" in page.content.decode() and "Offers what you look for" in page.content.decode()
    client.post(reverse("events:request_send", args=[event.pk]), {"recipient": lars.pk, "message": "Hi"})
    request = MeetingRequest.objects.get(sender=amina)
    client.force_login(user_of(lars))
    assert "Amina Tester" in client.get(reverse("events:requests", args=[event.pk])).content.decode()
    client.post(reverse("events:request_answer", args=[request.pk]), {"action": "decline"})
    client.force_login(user_of(amina))
    page = client.post(
        reverse("events:request_send", args=[event.pk]),
        {"recipient": lars.pk, "message": "Again"},
        follow=True,
    )
    assert "declined your earlier request" in page.content.decode()


def test_a_stranger_cannot_open_an_attendee_page(client, world):
    event = matchmaking_event(world.a)
    client.force_login(
        world.user_b
    )  # participant of partner b: sees the project's event, has no registration
    assert client.get(reverse("events:suggestions", args=[event.pk])).status_code == 403
    client.force_login(world.stranger)
    assert client.get(reverse("events:suggestions", args=[event.pk])).status_code == 404


def test_organiser_runs_and_publishes_and_the_attendee_sees_the_table(client, world):
    event = matchmaking_event(world.a, slots=2, tables=3)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    client.force_login(world.coord_a)
    assert client.get(reverse("events:meetings", args=[event.pk])).status_code == 200
    client.post(
        reverse("events:must_meet", args=[event.pk]),
        {"must-registrations": [amina.pk, lars.pk], "must-priority": 3},
    )
    client.post(reverse("events:schedule_run", args=[event.pk]))
    client.post(reverse("events:schedule_publish", args=[event.pk]))
    meeting = Meeting.objects.get(event=event)
    assert meeting.status == Meeting.Status.PUBLISHED
    client.force_login(user_of(amina))
    page = client.get(reverse("events:agenda", args=[event.pk])).content.decode()
    assert f"Table {meeting.table}" in page and "with Lars Tester" in page
    ics = client.get(reverse("events:agenda_ics", args=[event.pk]))
    assert ics["Content-Type"].startswith("text/calendar") and b"Lars Tester" in ics.content


def test_slots_generated_from_the_page_and_errors_come_back(client, world):
    event = matchmaking_event(world.a, slots=0)
    client.force_login(world.coord_a)
    local = event.starts_at.astimezone(event.zone)
    client.post(
        reverse("events:meeting_slots_generate", args=[event.pk]),
        {
            "gen-start": f"{local:%H:%M}",
            "gen-end": f"{local.hour + 1:02d}:{local:%M}",
            "gen-minutes": 20,
            "gen-gap_minutes": 0,
        },
    )
    assert event.meeting_slots.count() == 3
    page = client.post(
        reverse("events:meeting_slots_generate", args=[event.pk]),
        {
            "gen-start": f"{local:%H:%M}",
            "gen-end": f"{local.hour + 1:02d}:{local:%M}",
            "gen-minutes": 20,
            "gen-gap_minutes": 0,
        },
        follow=True,
    )
    assert "overlaps another slot" in page.content.decode()


def test_live_page_shows_the_room_and_polls(client, world):
    event = online_event(world.a, rounds=2, size=2)
    amina, lars = attendee(event, "Amina"), attendee(event, "Lars")
    BreakoutGroup.objects.create(event=event, round_number=1, room=7, published=True).members.set(
        [amina, lars]
    )
    event.current_round = 1
    event.save()
    client.force_login(user_of(amina))
    page = client.get(reverse("events:live", args=[event.pk])).content.decode()
    assert "Round 1 of 2: room 7 with Lars Tester" in page
    assert 'hx-trigger="every 5s"' in page
    client.force_login(world.coord_a)
    page = client.get(reverse("events:rounds", args=[event.pk])).content.decode()
    assert "Room 7" in page and "Amina Tester" in page


def test_organiser_forms_with_bad_input_keep_what_was_typed_and_name_the_field(client, world):
    event = matchmaking_event(world.a, slots=0)
    amina = attendee(event, "Amina")
    client.force_login(world.coord_a)
    url = reverse("events:meeting_slots_generate", args=[event.pk])
    page = client.post(
        url, {"gen-start": "18:00", "gen-end": "17:00", "gen-minutes": "15", "gen-gap_minutes": "0"}
    )
    assert page.status_code == 400
    body = page.content.decode()
    assert 'value="18:00"' in body and 'value="17:00"' in body
    assert "error-summary" in body and not event.meeting_slots.exists()
    page = client.post(
        reverse("events:must_meet", args=[event.pk]),
        {"must-registrations": [str(amina.pk)], "must-priority": "3"},
    )
    assert page.status_code == 400
    assert "2 to 4 people" in page.content.decode()
    assert re.search(rf'value="{amina.pk}"[^>]*checked', page.content.decode())  # the choice is kept
    assert not Meeting.objects.filter(event=event).exists()
    page = client.post(
        reverse("events:matchmaking", args=[event.pk]),
        {"set-matchmaking": "on", "set-meeting_tables": "0", "set-max_requests": "5"},
    )
    assert page.status_code == 400 and 'name="set-meeting_tables"' in page.content.decode()
