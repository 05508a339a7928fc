"""Page role rows of registrations (merged in page_roles.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils import timezone

from polku.consent.services import notice_current
from polku.events.models import CalendarFeed, Event, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing.roles import Post, keep

# selectors.events.visible_events combines the admin's event_filter() Q() with `|`, which drops it (Q() | x
# is x): an admin sees only events open to them as an audience. Reported to the integrator.
ORGANISERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
# An event of partner a for the whole project: participant a registers; the organisers see it
OPEN_TO_A = ORGANISERS | {"user_a": 200}
PUBLIC: dict[str, int] = {}  # everyone, signed in or not, gets the row's default


def _event(w: Any, **extra: Any) -> Event:
    return event_of(w.a, **extra)


def _registration_of_a(w: Any, **extra: Any) -> Registration:
    return RegistrationFactory(event=_event(w), participation=w.part_a, **extra)


def _guest(w: Any, **extra: Any) -> Registration:
    event = _event(w, audience=Event.Audience.PUBLIC)
    notice = notice_current(project_id=w.project.pk, language="en")
    return RegistrationFactory(
        event=event, guest_name="Greta Guest", guest_email="greta@example.org", guest_notice=notice, **extra
    )


def _running_online(w: Any) -> Event:
    start = timezone.now() - dt.timedelta(minutes=10)
    event = _event(
        w,
        kind=Event.Kind.ONLINE,
        venue="",
        online_url="https://meet.example.org/x",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    )
    RegistrationFactory(event=event, participation=w.part_a)
    return event


def _past(w: Any) -> Event:
    start = timezone.now() - dt.timedelta(days=2)
    event = _event(w, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    RegistrationFactory(event=event, participation=w.part_a)
    return event


PAGES = {
    "events_mine": (lambda w: reverse("events:mine"), {"anonymous": 302}, 200),
    "events_feed_settings": (lambda w: reverse("events:feed_settings"), {"anonymous": 302}, 200),
    # the feed is read by calendar programs with its secret address, without signing in
    "events_feed": (
        lambda w: reverse("events:feed", args=[CalendarFeed.objects.create(user=w.user_a).token]),
        PUBLIC,
        200,
    ),
    "events_public": (
        lambda w: reverse("events:public", args=[_event(w, audience=Event.Audience.PUBLIC).public_token]),
        PUBLIC,
        200,
    ),
    "events_ticket": (lambda w: reverse("events:ticket", args=[_guest(w).code]), PUBLIC, 200),
    "events_ticket_ics": (lambda w: reverse("events:ticket_ics", args=[_guest(w).code]), PUBLIC, 200),
    "events_register": (lambda w: reverse("events:register", args=[_event(w).pk]), OPEN_TO_A, 404),
    "events_event_ics": (lambda w: reverse("events:event_ics", args=[_event(w).pk]), OPEN_TO_A, 404),
    # organisers see every registration, another partner's coordinator their own people; a participant 403
    "events_registrations": (
        lambda w: reverse("events:registrations", args=[_registration_of_a(w).event_id]),
        ORGANISERS | {"coord_b": 200, "user_a": 403, "admin": 200},
        404,
    ),
    "events_check_in": (
        lambda w: reverse("events:check_in", args=[_event(w).pk]),
        ORGANISERS | {"user_a": 403},
        404,
    ),
    "events_self_check_in": (
        lambda w: reverse("events:self_check_in", args=[_running_online(w).pk]),
        {"anonymous": 302, "user_a": 200, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    "events_registration_ics": (
        lambda w: reverse("events:registration_ics", args=[_registration_of_a(w).pk]),
        {"anonymous": 302, "user_a": 200},
        404,
    ),
    "events_certificate": (
        lambda w: reverse(
            "events:certificate", args=[_registration_of_a(w, attendance=Registration.Attendance.ATTENDED).pk]
        ),
        ORGANISERS | {"user_a": 200, "admin": 200},
        404,
    ),
}

WRITERS = {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302}
WRITERS_THROUGH_EVENT = WRITERS | {"admin": 302}

POSTS = {
    # participant a registers; the organisers see the event but are not its participants (403)
    "events_register": Post(
        lambda w: reverse("events:register", args=[_event(w).pk]),
        lambda w: {},
        {"anonymous": 302, "user_a": 302, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    # the person, the organisers (and the person's coordinator, who is coord_a here) cancel
    "events_cancel": Post(
        lambda w: reverse("events:cancel", args=[_registration_of_a(w).pk]),
        lambda w: {},
        WRITERS | {"user_a": 302},
        404,
    ),
    # only the person answers the offer of a seat
    "events_offer": Post(
        lambda w: reverse(
            "events:offer",
            args=[
                _registration_of_a(
                    w,
                    status=Registration.Status.OFFERED,
                    offer_expires_at=timezone.now() + dt.timedelta(hours=5),
                ).pk
            ],
        ),
        lambda w: {"decision": "accept"},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
    # the organisers check in by code (the page comes back with the result)
    "events_check_in": Post(
        lambda w: reverse("events:check_in", args=[keep(w, "reg", _registration_of_a(w)).event_id]),
        lambda w: {"code": w.reg.code},
        ORGANISERS | {"user_a": 403},
        404,
    ),
    "events_check_in_one": Post(
        lambda w: reverse("events:check_in_one", args=[_registration_of_a(w).pk]),
        lambda w: {},
        WRITERS,
        404,
    ),
    "events_attendance": Post(
        lambda w: reverse("events:attendance", args=[_registration_of_a(w).pk]),
        lambda w: {"attendance": "no_show"},
        WRITERS,
        404,
    ),
    "events_no_shows": Post(
        lambda w: reverse("events:no_shows", args=[_past(w).pk]),
        lambda w: {},
        WRITERS_THROUGH_EVENT | {"user_a": 403},
        404,
    ),
    # coord_a registers their participant; the lead and coord_b cannot choose partner a's people (400)
    "events_add_participant": Post(
        lambda w: reverse("events:add_participant", args=[_event(w).pk]),
        lambda w: {"participation": w.part_a.pk},
        WRITERS | {"lead": 400, "coord_b": 400, "user_a": 403},
        404,
    ),
    "events_self_check_in": Post(
        lambda w: reverse("events:self_check_in", args=[keep(w, "online", _running_online(w)).pk]),
        lambda w: {"code": w.online.check_in_code},
        {"anonymous": 302, "user_a": 302, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    "events_feed_settings": Post(lambda w: reverse("events:feed_settings"), lambda w: {}, {}, 302),
    # guests register through the public link, signed in or not
    "events_public": Post(
        lambda w: reverse("events:public", args=[_event(w, audience=Event.Audience.PUBLIC).public_token]),
        lambda w: {"name": "Greta Guest", "email": "greta@example.org", "privacy_notice": "on"},
        {},
        302,
    ),
    "events_ticket_cancel": Post(
        lambda w: reverse("events:ticket_cancel", args=[_guest(w).code]), lambda w: {}, {}, 302
    ),
    "events_ticket_offer": Post(
        lambda w: reverse(
            "events:ticket_offer",
            args=[
                _guest(
                    w,
                    status=Registration.Status.OFFERED,
                    offer_expires_at=timezone.now() + dt.timedelta(hours=5),
                ).code
            ],
        ),
        lambda w: {"decision": "decline"},
        {},
        302,
    ),
}
