"""Role-matrix cases of the self-assessment API (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from typing import Any

from polku.assessments.tests.factories import assessment
from polku.testing.roles import EVERYONE, STAFF_READ, Case, own_person

URL = "/api/v1/assessments"


def _person_a(w: Any) -> int:
    return w.part_a.person_id


def _assessment_of_a(w: Any) -> str:
    return f"{URL}/{assessment(w.part_a.person).pk}/"


CASES = [
    Case("assessments-framework-list", lambda w: ("get", f"{URL}/frameworks/", None), EVERYONE),
    Case("assessments-framework-detail", lambda w: ("get", f"{URL}/frameworks/digcomp-2.2/", None), EVERYONE),
    Case(
        "assessments-person-list", lambda w: ("get", f"{URL}/people/{_person_a(w)}/", None), own_person(200)
    ),
    Case(
        "assessments-person-create",
        lambda w: (
            "post",
            f"{URL}/people/{_person_a(w)}/",
            {"framework": "digcomp", "answers": {"digcomp-2.2:1.1": 4}},
        ),
        own_person(201),
    ),
    Case(
        "assessments-person-progress",
        lambda w: ("get", f"{URL}/people/{_person_a(w)}/progress/", None),
        own_person(200),
    ),
    Case("assessments-retrieve", lambda w: ("get", _assessment_of_a(w), None), own_person(200)),
    Case("assessments-delete", lambda w: ("delete", _assessment_of_a(w), None), own_person(204)),
    Case(
        "assessments-project-deltas",
        lambda w: ("get", f"{URL}/projects/{w.project.code}/deltas/", None),
        STAFF_READ,
    ),
    Case(
        "assessments-project-deltas-csv",
        lambda w: ("get", f"{URL}/projects/{w.project.code}/deltas.csv", None),
        STAFF_READ,
    ),
    Case(
        "assessments-project-deltas-xlsx",
        lambda w: ("get", f"{URL}/projects/{w.project.code}/deltas.xlsx?framework=entrecomp", None),
        STAFF_READ,
    ),
]
