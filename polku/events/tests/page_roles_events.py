"""Page role rows of the event list, an event's page and the organisers' set-up (merged in page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.events.models import Event
from polku.events.tests.factories import QuestionFactory, SpeakerFactory, event_of, soon
from polku.testing.roles import Post

ORGANISERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
ORGANISERS_WRITE = {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302}

PAGES: dict[str, Any] = {
    # everyone with a role in a project or a participation; a stranger has no events at all
    "events_index": (lambda w: reverse("events:index"), {"anonymous": 302, "stranger": 403}, 200),
    "events_create": (
        lambda w: reverse("events:create"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    # a project-wide event of partner a: its organisers and the project's participants; others 404
    "events_detail": (
        lambda w: reverse("events:detail", args=[event_of(w.a).pk]),
        ORGANISERS | {"user_a": 200},
        404,
    ),
    # the partner's own event is not open to coordinators of another partner, nor to the evaluator
    "events_detail_staff": (
        lambda w: reverse("events:detail", args=[event_of(w.a, audience="staff", kind="reflection").pk]),
        ORGANISERS | {"coord_b": 200, "evaluator": 200},
        404,
    ),
    # participants see the event but do not organise it: 403
    "events_edit": (
        lambda w: reverse("events:edit", args=[event_of(w.a).pk]),
        ORGANISERS | {"user_a": 403},
        404,
    ),
}


def _form(**extra: Any) -> dict[str, Any]:
    start = soon()
    return {
        "kind": Event.Kind.NETWORKING_DINNER,
        "title_en": "Dinner",
        "time_zone": "Europe/Helsinki",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": start.replace(hour=20).strftime("%Y-%m-%dT%H:%M"),
        "audience": "project",
        "status": "published",
        "cancellation_hours": 24,
        "offer_hours": 24,
        "reminder_hours": "48, 2",
        "meeting_tables": 10,
        "max_requests": 10,
        "round_count": 0,
        "round_group_size": 4,
        "round_minutes": 10,
        **extra,
    }


POSTS: dict[str, Post] = {
    # coord_b adds events, but not for partner a: the choice comes back with an error
    "events_create": Post(
        lambda w: reverse("events:create"),
        lambda w: _form(partner=w.a.pk),
        ORGANISERS_WRITE | {"coord_b": 400},
        403,
    ),
    "events_edit": Post(
        lambda w: reverse("events:edit", args=[event_of(w.a).pk]),
        lambda w: _form(title_en="Renamed"),
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
    # participants see the event but do not organise it: 403
    "events_event_cancel": Post(
        lambda w: reverse("events:event_cancel", args=[event_of(w.a).pk]),
        lambda w: {},
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
    "events_speaker_add": Post(
        lambda w: reverse("events:speaker_add", args=[event_of(w.a).pk]),
        lambda w: {"name": "Leila Ahmed", "organisation": "Bakery Leila", "story": "Founded in 2015."},
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
    "events_speaker_delete": Post(
        lambda w: reverse(
            "events:speaker_delete", args=[(s := SpeakerFactory(event=event_of(w.a))).event_id, s.pk]
        ),
        lambda w: {},
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
    "events_question_add": Post(
        lambda w: reverse("events:question_add", args=[event_of(w.a).pk]),
        lambda w: {"kind": "dietary", "text_en": "Any dietary needs?"},
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
    "events_question_delete": Post(
        lambda w: reverse(
            "events:question_delete", args=[(q := QuestionFactory(event=event_of(w.a))).event_id, q.pk]
        ),
        lambda w: {},
        ORGANISERS_WRITE | {"user_a": 403},
        404,
    ),
}
