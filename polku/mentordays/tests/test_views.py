"""Mentor-day pages: a coordinator sets up a day, a participant books, waits and cancels."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from polku.accounts.models import Role
from polku.mentordays.models import Booking, MentorDay, WaitlistEntry
from polku.mentordays.tests.factories import day_of
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def test_coordinator_creates_a_day_adds_experts_and_generates_slots(client, world):
    client.force_login(world.coord_a)
    response = client.post(
        reverse("mentordays:create"),
        {
            "partner": world.a.pk,
            "name": "Mentor day 3/10 – Espoo",
            "date": "2030-04-10",
            "starts_at": "10:00",
            "ends_at": "12:00",
            "time_zone": "Europe/Helsinki",
            "status": "open",
            "max_bookings": "1",
            "booking_closes_at": "2030-04-09T16:00",
        },
    )
    day = MentorDay.objects.get()
    assert response.status_code == 302 and response.url == reverse("mentordays:manage", args=[day.pk])
    assert day.booking_closes_at == dt.datetime(2030, 4, 9, 13, 0, tzinfo=dt.UTC)
    for name in ("Eva", "Omar"):
        client.post(reverse("mentordays:expert_add", args=[day.pk]), {"expert-name": name})
    client.post(
        reverse("mentordays:generate", args=[day.pk]), {"gen-slot_minutes": "30", "gen-gap_minutes": "0"}
    )
    assert day.slots.count() == 8
    page = client.get(reverse("mentordays:manage", args=[day.pk]))
    assert "Omar" in page.content.decode()


def test_participant_books_then_joins_waitlist_elsewhere_and_gets_the_ics(client, world):
    day = day_of(world.a)
    slot = present(day.slots.order_by("starts_at").first())
    client.force_login(world.user_a)
    page = client.get(reverse("mentordays:day", args=[day.pk]))
    assert page.status_code == 200 and "Eva Expert" in page.content.decode()
    response = client.post(reverse("mentordays:book", args=[day.pk]), {"slot": slot.pk, "topic": "Pricing"})
    assert response.status_code == 302
    booking = Booking.objects.get(participation=world.part_a)
    ics = client.get(reverse("mentordays:booking_ics", args=[booking.pk]))
    assert ics["Content-Type"].startswith("text/calendar") and b"BEGIN:VEVENT" in ics.content
    assert "Add to calendar" in client.get(reverse("mentordays:index")).content.decode()
    # another participant of partner a cannot see a's calendar file
    other = f.UserFactory()
    f.ParticipationFactory(partner=world.a, person__user=other)
    client.force_login(other)
    assert client.get(reverse("mentordays:booking_ics", args=[booking.pk])).status_code == 404


def test_waitlist_through_the_pages(client, world):
    day = day_of(world.a)
    users = []
    for slot in day.slots.all():
        user = f.UserFactory()
        participation = f.ParticipationFactory(partner=world.a, person__user=user)
        Booking.objects.create(slot=slot, participation=participation)
        users.append(user)
    client.force_login(world.user_a)
    assert "Join the waitlist" in client.get(reverse("mentordays:day", args=[day.pk])).content.decode()
    client.post(reverse("mentordays:waitlist_join", args=[day.pk]), {"wait-topic": "Visa"})
    entry = WaitlistEntry.objects.get(participation=world.part_a)
    client.force_login(users[0])
    booking = Booking.objects.get(participation__person__user=users[0])
    client.post(reverse("mentordays:booking_cancel", args=[booking.pk]))
    entry.refresh_from_db()
    assert entry.status == "promoted" and present(entry.booking).slot == booking.slot


def test_expert_sees_first_names_and_topics_only(client, world):
    day = day_of(world.a)
    mentor = f.UserFactory()
    f.membership(mentor, Role.MENTOR, partner=world.a)
    expert = present(day.experts.first())
    expert.user = mentor
    expert.save()
    Booking.objects.create(
        slot=present(expert.slots.first()), participation=world.part_a, topic="Import licences"
    )
    client.force_login(mentor)
    body = client.get(reverse("mentordays:expert", args=[day.pk])).content.decode()
    assert "Amina" in body and "Import licences" in body and "Yusuf" not in body


def test_coordinator_moves_a_free_slot_but_not_onto_another(client, world):
    day = day_of(world.a)
    expert = present(day.experts.order_by("name").first())
    _first, second = expert.slots.order_by("starts_at")
    client.force_login(world.coord_a)
    url = reverse("mentordays:slot_edit", args=[day.pk, second.pk])
    assert client.post(url, {"starts_at": "10:15", "ends_at": "10:45"}).status_code == 400
    assert client.post(url, {"starts_at": "11:00", "ends_at": "11:30"}).status_code == 302
    second.refresh_from_db()
    assert second.starts_at == day.at(dt.time(11, 0))
