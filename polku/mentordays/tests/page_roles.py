"""Mentor-day pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from typing import Any

from django.urls import reverse

from polku.mentordays.models import MentorDay, WaitlistEntry
from polku.mentordays.tests.factories import FUTURE, BookingFactory, ExpertFactory, day_of
from polku.testing import factories as f
from polku.testing.asserts import present
from polku.testing.roles import NON_MEMBERS, Post, keep


def _booking_of_a(w: Any) -> Any:
    day = day_of(w.a)
    return BookingFactory(slot=day.slots.first(), participation=w.part_a)


def _day_with_mentor(w: Any) -> MentorDay:
    """A day of partner a where the world's mentor is one of the experts."""
    day = day_of(w.a)
    ExpertFactory(mentor_day=day, name="Maria Mentor", user=w.mentor)
    return day


def _full_day(w: Any) -> MentorDay:
    """A day of partner a whose every slot is booked by other participants of partner a."""
    day = day_of(w.a)
    for slot in day.slots.all():
        BookingFactory(slot=slot, participation=f.ParticipationFactory(partner=w.a))
    return day


def _waiting_a(w: Any) -> WaitlistEntry:
    return WaitlistEntry.objects.create(mentor_day=_full_day(w), participation=w.part_a, topic="CV")


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
    # an expert's own slots: only an expert who is a user, on their own day
    "mentordays_expert": (
        lambda w: reverse("mentordays:expert", args=[day_of(w.a).pk]),
        {"anonymous": 302},
        404,
    ),
    "mentordays_expert_of_mentor": (
        lambda w: reverse("mentordays:expert", args=[_day_with_mentor(w).pk]),
        {"anonymous": 302, "mentor": 200},
        404,
    ),
}


def _day_form(**extra: Any) -> dict[str, Any]:
    return {
        "name": "Mentor day",
        "date": FUTURE.isoformat(),
        "starts_at": "10:00",
        "ends_at": "12:00",
        "time_zone": "Europe/Helsinki",
        "status": "open",
        "max_bookings": 1,
        **extra,
    }


# the day's managers (its partner's coordinator, the lead, admins) act; everyone else 404
MANAGERS_WRITE = {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302}

POSTS = {
    # coord_b adds days, but not for partner a: the choice comes back with an error
    "mentordays_create": Post(
        lambda w: reverse("mentordays:create"),
        lambda w: _day_form(partner=w.a.pk),
        MANAGERS_WRITE | {"coord_b": 400},
        403,
    ),
    "mentordays_edit": Post(
        lambda w: reverse("mentordays:edit", args=[day_of(w.a).pk]),
        lambda w: _day_form(name="Renamed"),
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_expert_add": Post(
        lambda w: reverse("mentordays:expert_add", args=[day_of(w.a).pk]),
        lambda w: {"expert-name": "Ann Expert", "expert-languages": "en"},
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_expert_remove": Post(
        lambda w: reverse(
            "mentordays:expert_remove", args=[(d := day_of(w.a)).pk, ExpertFactory(mentor_day=d).pk]
        ),
        lambda w: {},
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_generate": Post(
        lambda w: reverse("mentordays:generate", args=[day_of(w.a).pk]),
        lambda w: {"gen-slot_minutes": 20, "gen-gap_minutes": 0},
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_slot_edit": Post(
        lambda w: reverse("mentordays:slot_edit", args=[(d := day_of(w.a)).pk, present(d.slots.first()).pk]),
        lambda w: {"starts_at": "10:00", "ends_at": "10:20"},
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_slot_delete": Post(
        lambda w: reverse(
            "mentordays:slot_delete", args=[(d := day_of(w.a)).pk, present(d.slots.first()).pk]
        ),
        lambda w: {},
        MANAGERS_WRITE,
        404,
    ),
    "mentordays_attendance": Post(
        lambda w: reverse("mentordays:attendance", args=[_booking_of_a(w).pk]),
        lambda w: {"status": "attended"},
        MANAGERS_WRITE,
        404,
    ),
    # participants of partner a book; the managers see the day but are not its participants (403)
    "mentordays_book": Post(
        lambda w: reverse("mentordays:book", args=[keep(w, "day", day_of(w.a)).pk]),
        lambda w: {"slot": w.day.slots.first().pk},
        {"anonymous": 302, "user_a": 302, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    "mentordays_waitlist_join": Post(
        lambda w: reverse("mentordays:waitlist_join", args=[_full_day(w).pk]),
        lambda w: {"wait-topic": "CV"},
        {"anonymous": 302, "user_a": 302, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    # the participant cancels their own booking; the day's managers any booking of it
    "mentordays_booking_cancel": Post(
        lambda w: reverse("mentordays:booking_cancel", args=[_booking_of_a(w).pk]),
        lambda w: {},
        MANAGERS_WRITE | {"user_a": 302},
        404,
    ),
    "mentordays_waitlist_leave": Post(
        lambda w: reverse("mentordays:waitlist_leave", args=[_waiting_a(w).pk]),
        lambda w: {},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
}
