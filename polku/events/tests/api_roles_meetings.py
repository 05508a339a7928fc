"""API role cases of 1:1 meetings and networking rounds (merged in api_roles.py).

Participant a (user_a) is registered for an event of partner a and opted in; its organisers (coord_a, the
lead, admins) see the event without a registration: attendee routes refuse them (403), organiser routes
refuse user_a (403); everyone else gets 404.
"""

import datetime as dt
from typing import Any

from polku.events.models import ContactRequest, Meeting, MeetingRequest
from polku.events.tests.factories import RegistrationFactory
from polku.events.tests.meeting_world import attendee, matchmaking_event, online_event, opt_in
from polku.testing.roles import Case, expect, keep

API = "/api/v1/events"


def attendee_only(ok: int) -> dict[str, int]:
    return expect(404, user_a=ok, coord_a=403, lead=403) | {"admin": 403}


def organisers(ok: int) -> dict[str, int]:
    return expect(404, coord_a=ok, lead=ok, user_a=403) | {"admin": ok}


def _event(w: Any) -> int:
    event = matchmaking_event(w.a)
    mine = RegistrationFactory(event=event, participation=w.part_a)
    opt_in(mine)
    keep(w, "mine", mine)
    keep(w, "other", opt_in(attendee(event, "Lars")).registration)
    return event.pk


def _online(w: Any) -> int:
    event = online_event(w.a)
    keep(w, "mine", RegistrationFactory(event=event, participation=w.part_a))
    return event.pk


def _request_to_a(w: Any) -> int:
    pk = _event(w)
    return MeetingRequest.objects.create(event_id=pk, sender=w.other, recipient=w.mine).pk


def _meeting(w: Any) -> int:
    pk = _event(w)
    meeting = Meeting.objects.create(event_id=pk, priority=3)
    meeting.memberships.create(registration=w.other)
    meeting.memberships.create(registration=attendee(meeting.event, "Wei"))
    return meeting.pk


def _met(w: Any) -> int:
    """The matchmaking event where user_a and Lars met in a published meeting."""
    pk = _event(w)
    meeting = Meeting.objects.create(event_id=pk, priority=1, status=Meeting.Status.PUBLISHED)
    meeting.memberships.create(registration=w.mine)
    meeting.memberships.create(registration=w.other)
    return pk


def _contact_to_a(w: Any) -> int:
    pk = _met(w)
    return ContactRequest.objects.create(event_id=pk, sender=w.other, recipient=w.mine).pk


def _late_slot(w: Any) -> dict[str, str]:
    end = w.mine.event.ends_at
    return {"starts_at": (end - dt.timedelta(minutes=30)).isoformat(), "ends_at": end.isoformat()}


def _post(make: Any, path: str, body: Any) -> Any:
    """A POST whose URL needs the event (or meeting) made first and whose body uses what it kept."""

    def request(w: Any) -> tuple[str, str, dict | None]:
        pk = make(w)
        return "post", f"{API}/{path.format(pk=pk)}", body(w)

    return request


def _slot_delete(w: Any) -> tuple[str, str, None]:
    pk = _event(w)
    return "delete", f"{API}/{pk}/meetings/slots/{w.mine.event.meeting_slots.first().pk}/", None


CASES = [
    Case(
        "events-match-profile",
        lambda w: ("get", f"{API}/{_event(w)}/meetings/profile/", None),
        attendee_only(200),
    ),
    Case(
        "events-match-profile",
        lambda w: ("put", f"{API}/{_event(w)}/meetings/profile/", {"looking_for": ["mentor"]}),
        attendee_only(200),
    ),
    Case(
        "events-match-profile",
        lambda w: ("delete", f"{API}/{_event(w)}/meetings/profile/", None),
        attendee_only(204),
    ),
    Case(
        "events-suggestions",
        lambda w: ("get", f"{API}/{_event(w)}/meetings/suggestions/", None),
        attendee_only(200),
    ),
    Case(
        "events-requests",
        lambda w: ("get", f"{API}/{_event(w)}/meetings/requests/", None),
        attendee_only(200),
    ),
    Case(
        "events-requests",
        _post(_event, "{pk}/meetings/requests/", lambda w: {"recipient": w.other.pk, "message": "Hi"}),
        attendee_only(201),
    ),
    Case(
        "events-request-answer",
        lambda w: ("post", f"{API}/meeting-requests/{_request_to_a(w)}/answer/", {"action": "accept"}),
        expect(404, user_a=200),
    ),
    Case(
        "events-block",
        _post(_event, "{pk}/meetings/blocks/", lambda w: {"registration": w.other.pk}),
        attendee_only(201),
    ),
    Case("events-agenda", lambda w: ("get", f"{API}/{_event(w)}/meetings/agenda/", None), attendee_only(200)),
    Case(
        "events-agenda-ics",
        lambda w: ("get", f"{API}/{_event(w)}/meetings/agenda.ics", None),
        attendee_only(200),
    ),
    Case("events-met", lambda w: ("get", f"{API}/{_event(w)}/meetings/met/", None), attendee_only(200)),
    Case(
        "events-contact-request",
        _post(_met, "{pk}/contacts/", lambda w: {"recipient": w.other.pk}),
        attendee_only(201),
    ),
    # only the person asked answers; the event's organisers see it but are refused
    Case(
        "events-contact-answer",
        _post(_contact_to_a, "contact-requests/{pk}/answer/", lambda w: {"accept": True}),
        attendee_only(200),
    ),
    Case("events-live", lambda w: ("get", f"{API}/{_online(w)}/live/", None), attendee_only(200)),
    # the slots are read by attendees (to mark when they are free) and organisers
    Case(
        "events-meeting-slots",
        lambda w: ("get", f"{API}/{_event(w)}/meetings/slots/", None),
        expect(404, user_a=200, coord_a=200, lead=200) | {"admin": 200},
    ),
    Case("events-meeting-slots", _post(_event, "{pk}/meetings/slots/", _late_slot), organisers(201)),
    Case(
        "events-meeting-slots-generate",
        _post(_event, "{pk}/meetings/slots/generate/", lambda w: _late_slot(w) | {"minutes": 15}),
        organisers(201),
    ),
    Case("events-meeting-slot", _slot_delete, organisers(204)),
    Case(
        "events-matchmaking",
        lambda w: (
            "patch",
            f"{API}/{_event(w)}/meetings/settings/",
            {"matchmaking": True, "meeting_tables": 5},
        ),
        organisers(200),
    ),
    Case("events-meetings", lambda w: ("get", f"{API}/{_event(w)}/meetings/", None), organisers(200)),
    Case(
        "events-meetings",
        _post(_event, "{pk}/meetings/", lambda w: {"registrations": [w.mine.pk, w.other.pk]}),
        organisers(201),
    ),
    # organisers run the scheduler (the engine answers even when there is nothing to place)
    Case(
        "events-schedule-run",
        _post(_event, "{pk}/meetings/schedule/", lambda w: None),
        organisers(200),
    ),
    Case("events-schedule-publish", _post(_event, "{pk}/meetings/publish/", lambda w: None), organisers(200)),
    # user_a is not in this meeting: only organisers cancel it or record attendance
    Case("events-meeting-cancel", _post(_meeting, "meetings/{pk}/cancel/", lambda w: None), organisers(204)),
    Case(
        "events-meeting-attendance",
        _post(
            _meeting, "meetings/{pk}/attendance/", lambda w: {"registration": w.other.pk, "attended": False}
        ),
        organisers(204),
    ),
    Case("events-rounds", lambda w: ("get", f"{API}/{_online(w)}/rounds/", None), organisers(200)),
    # one registration only: planning, publishing, starting, moving and placing answer 400 with the reason
    Case("events-rounds-plan", _post(_online, "{pk}/rounds/plan/", lambda w: None), organisers(400)),
    Case("events-round-publish", _post(_online, "{pk}/rounds/publish/", lambda w: None), organisers(400)),
    Case("events-round-next", _post(_online, "{pk}/rounds/next/", lambda w: None), organisers(400)),
    Case("events-rounds-end", _post(_online, "{pk}/rounds/end/", lambda w: None), organisers(204)),
    Case(
        "events-round-move",
        _post(
            _online, "{pk}/rounds/move/", lambda w: {"round_number": 1, "registration": w.mine.pk, "room": 1}
        ),
        organisers(400),
    ),
    Case(
        "events-round-late",
        _post(_online, "{pk}/rounds/late/", lambda w: {"registration": w.mine.pk}),
        organisers(400),
    ),
]
