"""The mentor-day API end to end: a coordinator sets up a day, participants book, wait and move up."""

import pytest
from rest_framework.test import APIClient

from polku.mentordays.models import Booking
from polku.mentordays.tests.factories import day_of
from polku.testing import factories as f
from polku.testing.asserts import present

pytestmark = pytest.mark.django_db


def client_of(user):
    client = APIClient()
    client.force_login(user)
    return client


def test_set_up_book_wait_and_promote(world, django_capture_on_commit_callbacks):
    coord = client_of(world.coord_a)
    day = coord.post(
        "/api/v1/mentor-days/",
        {
            "partner": world.a.pk,
            "name": "MD",
            "date": "2031-01-10",
            "starts_at": "10:00",
            "ends_at": "10:30",
            "status": "open",
        },
        format="json",
    ).json()
    for name in ("Eva", "Omar"):
        assert (
            coord.post(f"/api/v1/mentor-days/{day['id']}/experts/", {"name": name}, format="json").status_code
            == 201
        )
    slots = coord.post(
        f"/api/v1/mentor-days/{day['id']}/slots/generate/", {"slot_minutes": 30}, format="json"
    ).json()
    assert len(slots) == 2
    amina = client_of(world.user_a)
    assert [d["id"] for d in amina.get("/api/v1/mentor-days/").json()["results"]] == [day["id"]]
    for slot in slots:
        user = f.UserFactory()
        f.ParticipationFactory(partner=world.a, person__user=user)
        response = client_of(user).post(
            f"/api/v1/mentor-days/{day['id']}/bookings/", {"slot": slot["id"]}, format="json"
        )
        assert response.status_code == 201
    assert all(not s["is_free"] for s in amina.get(f"/api/v1/mentor-days/{day['id']}/slots/").json())
    refused = amina.post(
        f"/api/v1/mentor-days/{day['id']}/bookings/", {"slot": slots[0]["id"]}, format="json"
    )
    assert refused.status_code == 400 and "slot" in refused.json()
    assert amina.post(f"/api/v1/mentor-days/{day['id']}/waitlist/", {}, format="json").status_code == 201
    assert coord.get(f"/api/v1/mentor-days/{day['id']}/waitlist/").json()[0]["position"] == 1
    first = Booking.objects.get(slot_id=slots[0]["id"])
    with django_capture_on_commit_callbacks(execute=True):
        assert coord.post(f"/api/v1/mentor-days/bookings/{first.pk}/cancel/").json()["status"] == "cancelled"
    (mine,) = amina.get("/api/v1/mentor-days/my-bookings/").json()
    assert mine["from_waitlist"] and mine["slot"]["id"] == slots[0]["id"] and mine["name"] == "Amina"
    marked = coord.post(
        f"/api/v1/mentor-days/bookings/{mine['id']}/attendance/", {"status": "attended"}, format="json"
    )
    assert marked.json()["status"] == "attended" and marked.json()["name"] == "Amina Yusuf"


def test_an_expert_can_be_a_mentor_of_the_project_and_no_one_else(world):
    from polku.accounts.models import Role
    from polku.mentordays.tests.factories import MentorDayFactory

    day = MentorDayFactory(activity__partner=world.a)
    mentor = f.UserFactory(full_name="Jorge Álvarez")
    f.membership(mentor, Role.MENTOR, partner=world.a)
    coord = client_of(world.coord_a)
    url = f"/api/v1/mentor-days/{day.pk}/experts/"
    assert coord.post(url, {"user": world.stranger.pk}, format="json").status_code == 400
    created = coord.post(url, {"user": mentor.pk, "topics": "Export"}, format="json").json()
    assert created["name"] == "Jorge Álvarez" and created["user"] == mentor.pk


def test_a_booking_as_ics_through_the_api(world):
    day = day_of(world.a)
    booking = Booking.objects.create(
        slot=present(day.slots.order_by("starts_at").first()), participation=world.part_a
    )
    url = f"/api/v1/mentor-days/bookings/{booking.pk}/calendar.ics"
    api = APIClient()
    api.force_login(world.user_a)
    response = api.get(url, HTTP_ACCEPT="text/calendar")
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in body
    api.force_login(world.coord_a)  # the booker's own file, as on the page
    assert api.get(url).status_code == 404
