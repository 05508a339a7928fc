"""Mentor-day API routes against every role (collected by polku/core/tests/test_api_roles.py)."""

import datetime as dt

from polku.mentordays.models import Booking, WaitlistEntry
from polku.mentordays.tests.factories import day_of
from polku.testing import factories as f
from polku.testing.asserts import present
from polku.testing.roles import EVERYONE, Case, expect

API = "/api/v1/mentor-days"
MANAGERS = {"coord_a": 200, "lead": 200, "admin": 200}


def managers(ok: int) -> dict[str, int]:
    return expect(404, coord_a=ok, lead=ok, admin=ok)


def _day(w) -> int:
    return day_of(w.a).pk


def _booking_of_a(w) -> int:
    day = day_of(w.a)
    return Booking.objects.create(slot=present(day.slots.first()), participation=w.part_a).pk


def _full_day(w) -> int:
    day = day_of(w.a)
    for slot in day.slots.all():
        Booking.objects.create(slot=slot, participation=f.ParticipationFactory(partner=w.a))
    return day.pk


def _entry_of_a(w) -> int:
    day = day_of(w.a)
    return WaitlistEntry.objects.create(mentor_day=day, participation=w.part_a).pk


NEW_DAY = {"name": "Mentor day", "date": "2031-05-10", "starts_at": "10:00", "ends_at": "12:00"}

CASES = [
    Case("mentordays-day-list", lambda w: ("get", f"{API}/", None), EVERYONE),
    Case(
        "mentordays-day-create",
        lambda w: ("post", f"{API}/", NEW_DAY | {"partner": w.a.pk}),
        expect(403, coord_a=201, lead=201, admin=201),
    ),
    Case(
        "mentordays-day-retrieve",
        lambda w: ("get", f"{API}/{_day(w)}/", None),
        managers(200) | {"user_a": 200},
    ),
    Case("mentordays-day-update", lambda w: ("patch", f"{API}/{_day(w)}/", {"place": "Hall"}), managers(200)),
    Case("mentordays-my-bookings", lambda w: ("get", f"{API}/my-bookings/", None), EVERYONE),
    Case(
        "mentordays-expert-list",
        lambda w: ("get", f"{API}/{_day(w)}/experts/", None),
        managers(200) | {"user_a": 200},
    ),
    Case(
        "mentordays-expert-create",
        lambda w: ("post", f"{API}/{_day(w)}/experts/", {"name": "Ines"}),
        managers(201),
    ),
    Case(
        "mentordays-expert-delete",
        lambda w: ("delete", f"{API}/{(d := day_of(w.a)).pk}/experts/{present(d.experts.first()).pk}/", None),
        managers(204),
    ),
    Case(
        "mentordays-slot-list",
        lambda w: ("get", f"{API}/{_day(w)}/slots/", None),
        managers(200) | {"user_a": 200},
    ),
    Case(
        "mentordays-slot-create",
        lambda w: (
            "post",
            f"{API}/{(d := day_of(w.a)).pk}/slots/new/",
            {
                "expert": present(d.experts.first()).pk,
                "starts_at": (d.end).isoformat(),
                "ends_at": (d.end + dt.timedelta(minutes=30)).isoformat(),
            },
        ),
        managers(201),
    ),
    Case(
        "mentordays-slot-update",
        lambda w: (
            "patch",
            f"{API}/{(d := day_of(w.a)).pk}/slots/{(s := present(d.slots.order_by('starts_at').last())).pk}/",
            {
                "starts_at": s.ends_at.isoformat(),
                "ends_at": (s.ends_at + dt.timedelta(minutes=30)).isoformat(),
            },
        ),
        managers(200),
    ),
    Case(
        "mentordays-expert-update",
        lambda w: (
            "patch",
            f"{API}/{(d := day_of(w.a)).pk}/experts/{present(d.experts.first()).pk}/",
            {"topics": "Tax"},
        ),
        managers(200),
    ),
    Case(
        "mentordays-slot-generate",
        lambda w: ("post", f"{API}/{_day(w)}/slots/generate/", {"slot_minutes": 20}),
        managers(201),
    ),
    Case(
        "mentordays-slot-delete",
        lambda w: ("delete", f"{API}/{(d := day_of(w.a)).pk}/slots/{present(d.slots.first()).pk}/", None),
        managers(204),
    ),
    Case("mentordays-booking-list", lambda w: ("get", f"{API}/{_day(w)}/bookings/", None), managers(200)),
    Case(
        "mentordays-booking-create",
        lambda w: ("post", f"{API}/{(d := day_of(w.a)).pk}/bookings/", {"slot": present(d.slots.first()).pk}),
        expect(404, user_a=201, coord_a=403, lead=403, admin=403),
    ),
    Case(
        "mentordays-booking-cancel",
        lambda w: ("post", f"{API}/bookings/{_booking_of_a(w)}/cancel/", None),
        managers(200) | {"user_a": 200},
    ),
    Case(
        "mentordays-booking-ics",
        lambda w: ("get", f"{API}/bookings/{_booking_of_a(w)}/calendar.ics", None),
        expect(404, user_a=200),
    ),
    Case(
        "mentordays-booking-attendance",
        lambda w: ("post", f"{API}/bookings/{_booking_of_a(w)}/attendance/", {"status": "attended"}),
        managers(200),
    ),
    Case("mentordays-waitlist-list", lambda w: ("get", f"{API}/{_day(w)}/waitlist/", None), managers(200)),
    Case(
        "mentordays-waitlist-join",
        lambda w: ("post", f"{API}/{_full_day(w)}/waitlist/", {"topic": "Visa"}),
        expect(404, user_a=201, coord_a=403, lead=403, admin=403),
    ),
    Case(
        "mentordays-waitlist-leave",
        lambda w: ("post", f"{API}/waitlist/{_entry_of_a(w)}/leave/", None),
        expect(404, user_a=200),
    ),
]
