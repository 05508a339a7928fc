"""API role cases of registrations (merged in api_roles.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from polku.events.models import Event, Registration
from polku.events.tests.factories import RegistrationFactory, event_of
from polku.testing.roles import EVERYONE, ROLES, Case, expect

API = "/api/v1/events"
# selectors.events.visible_events drops the admin's "every event" (Q() | x is x); reported to the integrator.


def organisers(ok: int, **extra: int) -> dict[str, int]:
    return expect(404, **({"coord_a": ok, "lead": ok, "admin": ok} | extra))


def _event(w: Any, **extra: Any) -> Event:
    return event_of(w.a, **extra)


def _reg_of_a(w: Any, **extra: Any) -> int:
    return RegistrationFactory(event=_event(w), participation=w.part_a, **extra).pk


def _running_online(w: Any) -> int:
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
    w.online_code = event.check_in_code
    return event.pk


def _past(w: Any) -> int:
    start = timezone.now() - dt.timedelta(days=2)
    event = _event(w, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    RegistrationFactory(event=event, participation=w.part_a)
    return event.pk


def _code_of_a(w: Any) -> tuple[int, str]:
    registration = RegistrationFactory(event=_event(w), participation=w.part_a)
    return registration.event_id, registration.code


def _offered(w: Any) -> int:
    return _reg_of_a(
        w, status=Registration.Status.OFFERED, offer_expires_at=timezone.now() + dt.timedelta(hours=5)
    )


CASES = [
    Case("events-my-registrations", lambda w: ("get", f"{API}/my-registrations/", None), EVERYONE),
    Case("events-calendar-feed", lambda w: ("get", f"{API}/calendar-feed/", None), EVERYONE),
    Case("events-calendar-feed-rotate", lambda w: ("post", f"{API}/calendar-feed/", None), EVERYONE),
    # guests register through the public link, signed in or not
    Case(
        "events-guest-register",
        lambda w: (
            "post",
            f"{API}/public/{_event(w, audience=Event.Audience.PUBLIC).public_token}/register/",
            {"name": "Greta Guest", "email": "greta@example.org", "privacy_notice": True},
        ),
        dict.fromkeys(ROLES, 201),
    ),
    # participant a registers; the organisers see the event but are not its participants
    Case(
        "events-register",
        lambda w: ("post", f"{API}/{_event(w).pk}/register/", {}),
        expect(404, user_a=201, coord_a=403, lead=403, admin=403),
    ),
    # the organisers see all; coord_b (another partner) their own people; a participant 403
    Case(
        "events-registration-list",
        lambda w: ("get", f"{API}/{_event(w).pk}/registrations/", None),
        organisers(200, coord_b=200, user_a=403),
    ),
    # coord_a registers their own participant; the lead and coord_b may not choose partner a's people
    Case(
        "events-registration-create",
        lambda w: ("post", f"{API}/{_event(w).pk}/registrations/", {"participation": w.part_a.pk}),
        organisers(201, lead=403, coord_b=403, user_a=403),
    ),
    Case(
        "events-check-in",
        lambda w: ("post", f"{API}/{(c := _code_of_a(w))[0]}/check-in/", {"code": c[1]}),
        organisers(200, user_a=403, admin=200),
    ),
    Case(
        "events-self-check-in",
        lambda w: ("post", f"{API}/{_running_online(w)}/self-check-in/", {"code": w.online_code}),
        expect(404, user_a=200, coord_a=403, lead=403, admin=403),
    ),
    Case(
        "events-no-shows",
        lambda w: ("post", f"{API}/{_past(w)}/no-shows/", None),
        organisers(200, user_a=403, admin=200),
    ),
    Case(
        "events-event-ics",
        lambda w: ("get", f"{API}/{_event(w).pk}/calendar.ics", None),
        organisers(200, user_a=200, admin=200),
    ),
    # the person, the organisers and the person's coordinator (coord_a) cancel
    Case(
        "events-registration-cancel",
        lambda w: ("post", f"{API}/registrations/{_reg_of_a(w)}/cancel/", None),
        organisers(200, user_a=200),
    ),
    Case(
        "events-registration-offer",
        lambda w: ("post", f"{API}/registrations/{_offered(w)}/offer/", {"decision": "accept"}),
        expect(404, user_a=200),
    ),
    Case(
        "events-registration-answers",
        lambda w: ("get", f"{API}/registrations/{_reg_of_a(w, answers={'1': 'vegan'})}/answers/", None),
        organisers(200, user_a=200),
    ),
    Case(
        "events-registration-attendance",
        lambda w: ("post", f"{API}/registrations/{_reg_of_a(w)}/attendance/", {"attendance": "attended"}),
        organisers(200),
    ),
    Case(
        "events-registration-ics",
        lambda w: ("get", f"{API}/registrations/{_reg_of_a(w)}/calendar.ics", None),
        expect(404, user_a=200),
    ),
    # the person's own certificate, or the event's organisers'; the page's rule
    Case(
        "events-registration-certificate",
        lambda w: (
            "get",
            f"{API}/registrations/{_reg_of_a(w, attendance=Registration.Attendance.ATTENDED)}/certificate.pdf",
            None,
        ),
        organisers(200, user_a=200),
    ),
]
