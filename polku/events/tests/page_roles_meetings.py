"""Page role rows of 1:1 meetings and networking rounds (merged in page_roles.py).

Participant a (user_a) is registered for an event of partner a; its organisers (coord_a, the lead, admins)
see it but hold no registration, so the attendee pages refuse them (403) and the organiser pages refuse
user_a (403). Everyone else does not see the event (404)."""

from typing import Any

from django.urls import reverse

from polku.events.models import ContactRequest, Meeting, MeetingRequest
from polku.events.tests.factories import RegistrationFactory
from polku.events.tests.meeting_world import attendee, matchmaking_event, online_event, opt_in
from polku.testing.roles import Post, keep

ATTENDEE = {"anonymous": 302, "user_a": 200, "coord_a": 403, "lead": 403, "admin": 403}
ORGANISER = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200, "user_a": 403}
ATTENDEE_WRITE = ATTENDEE | {"user_a": 302}
ORGANISER_WRITE = {
    "anonymous": 302,
    "coord_a": 302,
    "lead": 302,
    "admin": 302,
    "user_a": 403,
}


def _event(w: Any) -> int:
    """A matchmaking event of partner a where user_a is registered and opted in, with another attendee."""
    event = matchmaking_event(w.a)
    mine = RegistrationFactory(event=event, participation=w.part_a)
    opt_in(mine)
    keep(w, "other", opt_in(attendee(event, "Lars")).registration)
    keep(w, "mine", mine)
    return event.pk


def _online(w: Any) -> int:
    event = online_event(w.a)
    keep(w, "mine", RegistrationFactory(event=event, participation=w.part_a))
    return event.pk


def _slot(w: Any) -> list[int]:
    pk = _event(w)
    return [pk, w.mine.event.meeting_slots.order_by("pk").first().pk]


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


def page(name: str, make: Any = _event) -> Any:
    return lambda w: reverse(f"events:{name}", args=[make(w)])


PAGES = {
    "events_match_profile": (page("match_profile"), ATTENDEE, 404),
    "events_suggestions": (page("suggestions"), ATTENDEE, 404),
    "events_requests": (page("requests"), ATTENDEE, 404),
    "events_agenda": (page("agenda"), ATTENDEE, 404),
    "events_agenda_ics": (page("agenda_ics"), ATTENDEE, 404),
    "events_live": (page("live", _online), ATTENDEE, 404),
    "events_met": (page("met", _met), ATTENDEE, 404),
    "events_meetings": (page("meetings"), ORGANISER, 404),
    "events_rounds": (page("rounds", _online), ORGANISER, 404),
}

POSTS = {
    "events_contact_request": Post(
        page("contact_request", _met), lambda w: {"recipient": w.other.pk}, ATTENDEE_WRITE, 404
    ),
    # the event is open to its organisers, but only the person asked answers
    "events_contact_answer": Post(
        lambda w: reverse("events:contact_answer", args=[_contact_to_a(w)]),
        lambda w: {"action": "accept"},
        ATTENDEE_WRITE,
        404,
    ),
    "events_match_profile": Post(
        page("match_profile"), lambda w: {"looking_for": ["mentor"]}, ATTENDEE_WRITE, 404
    ),
    "events_request_send": Post(
        page("request_send"), lambda w: {"recipient": w.other.pk, "message": "Hi"}, ATTENDEE_WRITE, 404
    ),
    # only the person asked (user_a) reaches the request
    "events_request_answer": Post(
        lambda w: reverse("events:request_answer", args=[_request_to_a(w)]),
        lambda w: {"action": "accept"},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
    "events_meeting_block": Post(
        page("meeting_block"), lambda w: {"registration": w.other.pk}, ATTENDEE_WRITE, 404
    ),
    "events_meeting_slots_generate": Post(
        page("meeting_slots_generate"),
        lambda w: {"gen-start": "20:00", "gen-end": "21:00", "gen-minutes": 15, "gen-gap_minutes": 0},
        ORGANISER_WRITE,
        404,
    ),
    "events_meeting_slot_remove": Post(
        lambda w: reverse("events:meeting_slot_remove", args=_slot(w)),
        lambda w: {},
        ORGANISER_WRITE,
        404,
    ),
    "events_matchmaking": Post(
        page("matchmaking"),
        lambda w: {"set-matchmaking": "on", "set-meeting_tables": 5, "set-max_requests": 3},
        ORGANISER_WRITE,
        404,
    ),
    "events_must_meet": Post(
        page("must_meet"),
        lambda w: {"must-registrations": [w.mine.pk, w.other.pk], "must-priority": 3},
        ORGANISER_WRITE,
        404,
    ),
    "events_schedule_run": Post(page("schedule_run"), lambda w: {}, ORGANISER_WRITE, 404),
    "events_schedule_publish": Post(page("schedule_publish"), lambda w: {}, ORGANISER_WRITE, 404),
    # user_a is not in this meeting: only organisers cancel it
    "events_meeting_cancel": Post(
        lambda w: reverse("events:meeting_cancel", args=[_meeting(w)]), lambda w: {}, ORGANISER_WRITE, 404
    ),
    "events_meeting_attendance": Post(
        lambda w: reverse("events:meeting_attendance", args=[_meeting(w)]),
        lambda w: {"registration": w.other.pk, "attended": "no"},
        ORGANISER_WRITE,
        404,
    ),
    "events_rounds_plan": Post(page("rounds_plan", _online), lambda w: {}, ORGANISER_WRITE, 404),
    "events_round_publish": Post(page("round_publish", _online), lambda w: {}, ORGANISER_WRITE, 404),
    "events_round_next": Post(page("round_next", _online), lambda w: {}, ORGANISER_WRITE, 404),
    "events_rounds_end": Post(page("rounds_end", _online), lambda w: {}, ORGANISER_WRITE, 404),
    "events_round_move": Post(
        page("round_move", _online),
        lambda w: {"round_number": 1, "registration": w.mine.pk, "room": 1},
        ORGANISER_WRITE,
        404,
    ),
    "events_round_late": Post(
        page("round_late", _online), lambda w: {"registration": w.mine.pk}, ORGANISER_WRITE, 404
    ),
}
