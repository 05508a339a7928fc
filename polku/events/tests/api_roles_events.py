"""API role cases of events as the organisers set them up (merged in api_roles.py)."""

from __future__ import annotations

from typing import Any

from polku.events.tests.factories import QuestionFactory, SpeakerFactory, event_of, soon
from polku.testing.roles import EVERYONE, Case, expect

API = "/api/v1/events"


def organisers(ok: int, **others: int) -> dict[str, int]:
    return expect(404, coord_a=ok, lead=ok, admin=ok, **others)


def _new(w: Any) -> dict[str, Any]:
    start = soon()
    return {
        "partner": w.a.pk,
        "kind": "dinner",
        "title_en": "Dinner",
        "starts_at": start.isoformat(),
        "ends_at": start.replace(hour=20).isoformat(),
        "audience": "project",
    }


CASES = [
    Case("events-list", lambda w: ("get", f"{API}/", None), EVERYONE),
    Case(
        "events-create", lambda w: ("post", f"{API}/", _new(w)), expect(403, coord_a=201, lead=201, admin=201)
    ),
    Case(
        "events-retrieve", lambda w: ("get", f"{API}/{event_of(w.a).pk}/", None), organisers(200, user_a=200)
    ),
    Case(
        "events-update",
        lambda w: ("patch", f"{API}/{event_of(w.a).pk}/", {"venue": "Hall"}),
        organisers(200, user_a=403),
    ),
    Case(
        "events-delete",
        lambda w: ("delete", f"{API}/{event_of(w.a, status='draft').pk}/", None),
        organisers(204),
    ),
    Case(
        "events-speaker-list",
        lambda w: ("get", f"{API}/{event_of(w.a).pk}/speakers/", None),
        organisers(200, user_a=200),
    ),
    Case(
        "events-speaker-create",
        lambda w: ("post", f"{API}/{event_of(w.a).pk}/speakers/", {"name": "Leila Ahmed"}),
        organisers(201, user_a=403),
    ),
    Case(
        "events-speaker-update",
        lambda w: (
            "put",
            f"{API}/{(s := SpeakerFactory(event=event_of(w.a))).event_id}/speakers/{s.pk}/",
            {"name": "Leila A."},
        ),
        organisers(200, user_a=403),
    ),
    Case(
        "events-speaker-delete",
        lambda w: (
            "delete",
            f"{API}/{(s := SpeakerFactory(event=event_of(w.a))).event_id}/speakers/{s.pk}/",
            None,
        ),
        organisers(204, user_a=403),
    ),
    Case(
        "events-question-list",
        lambda w: ("get", f"{API}/{event_of(w.a).pk}/questions/", None),
        organisers(200, user_a=200),
    ),
    Case(
        "events-question-create",
        lambda w: ("post", f"{API}/{event_of(w.a).pk}/questions/", {"kind": "dietary", "text_en": "Diet?"}),
        organisers(201, user_a=403),
    ),
    Case(
        "events-question-delete",
        lambda w: (
            "delete",
            f"{API}/{(q := QuestionFactory(event=event_of(w.a))).event_id}/questions/{q.pk}/",
            None,
        ),
        organisers(204, user_a=403),
    ),
]
