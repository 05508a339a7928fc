"""Role-matrix cases of the outcomes API (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from polku.outcomes.tests.factories import ExitRecordFactory, FollowUpFactory, OutcomeFactory
from polku.testing.roles import Case, expect, own_person

URL = "/api/v1/participants"
EXIT = "2025-06-30"


def _exited_a(w: Any) -> int:
    w.part_a.exit_date = dt.date(2025, 6, 30)
    w.part_a.save(update_fields=["exit_date"])
    return w.part_a.pk


def _record_of_a(w: Any) -> int:
    ExitRecordFactory(participation=w.part_a)
    return _exited_a(w)


def _follow_up_of_a(w: Any) -> int:
    FollowUpFactory(participation=w.part_a)
    return _exited_a(w)


def _own_outcome_of_a(w: Any) -> str:
    outcome = OutcomeFactory(participation=w.part_a, source="participant")
    return f"{URL}/{w.part_a.pk}/outcomes/{outcome.pk}/"


CASES = [
    Case(
        "exit-record-retrieve",
        lambda w: ("get", f"{URL}/{_record_of_a(w)}/exit-record/", None),
        own_person(200),
    ),
    Case(
        "exit-record-replace",
        lambda w: (
            "put",
            f"{URL}/{_exited_a(w)}/exit-record/",
            {"exit_date": EXIT, "status": "employed", "qualification_gained": "declined"},
        ),
        own_person(200),
    ),
    Case(
        "participation-reopen",
        lambda w: ("post", f"{URL}/{_exited_a(w)}/reopen/", None),
        own_person(200) | {"user_a": 403},
    ),
    Case(
        "follow-up-retrieve",
        lambda w: ("get", f"{URL}/{_follow_up_of_a(w)}/follow-up/", None),
        own_person(200),
    ),
    Case(
        "follow-up-record",
        lambda w: ("put", f"{URL}/{_exited_a(w)}/follow-up/", {"labour_status": "employed"}),
        own_person(200) | {"user_a": 403},
    ),
    Case("outcome-list", lambda w: ("get", f"{URL}/{w.part_a.pk}/outcomes/", None), own_person(200)),
    Case(
        "outcome-create",
        lambda w: ("post", f"{URL}/{w.part_a.pk}/outcomes/", {"kind": "job", "date": "2025-05-01"}),
        own_person(201),
    ),
    Case("outcome-retrieve", lambda w: ("get", _own_outcome_of_a(w), None), own_person(200)),
    Case(
        "outcome-update", lambda w: ("patch", _own_outcome_of_a(w), {"description": "Nurse"}), own_person(200)
    ),
    Case("outcome-delete", lambda w: ("delete", _own_outcome_of_a(w), None), own_person(204)),
    Case(
        "follow-up-list",
        lambda w: ("get", "/api/v1/follow-ups/", None),
        expect(403, coord_a=200, coord_b=200, admin=200),
    ),
]
