"""Mentor-day pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from django.urls import reverse

from polku.mentordays.tests.factories import BookingFactory, day_of
from polku.testing.asserts import present
from polku.testing.roles import NON_MEMBERS


def _booking_of_a(w):
    day = day_of(w.a)
    return BookingFactory(slot=day.slots.first(), participation=w.part_a)


MANAGERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}

PAGES = {
    "mentordays_index": (lambda w: reverse("mentordays:index"), {"anonymous": 302}, 200),
    "mentordays_create": (
        lambda w: reverse("mentordays:create"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    "mentordays_manage": (lambda w: reverse("mentordays:manage", args=[day_of(w.a).pk]), MANAGERS, 404),
    "mentordays_slot_edit": (
        lambda w: reverse("mentordays:slot_edit", args=[(d := day_of(w.a)).pk, present(d.slots.first()).pk]),
        MANAGERS,
        404,
    ),
    "mentordays_edit": (lambda w: reverse("mentordays:edit", args=[day_of(w.a).pk]), MANAGERS, 404),
    # participants of partner a book; the managers see the page too; everyone else 404
    "mentordays_day": (
        lambda w: reverse("mentordays:day", args=[day_of(w.a).pk]),
        MANAGERS | {"user_a": 200},
        404,
    ),
    "mentordays_booking_ics": (
        lambda w: reverse("mentordays:booking_ics", args=[_booking_of_a(w).pk]),
        NON_MEMBERS | {"anonymous": 302, "user_a": 200},
        404,
    ),
    "mentordays_expert": (
        lambda w: reverse("mentordays:expert", args=[day_of(w.a).pk]),
        {"anonymous": 302},
        404,
    ),
}
