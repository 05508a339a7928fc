"""Role-matrix cases of the employers API (collected by polku/core/tests/test_api_roles.py).

The matrix world's employer representative acts for `employer_row` (kept by partner a). See page_roles.py
for who sees and does what; the API follows the pages. A representative learns who a candidate is only
after approval: the contact route is a 404 for them before it.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from polku.employers.models import Introduction
from polku.employers.selectors import candidate_ref
from polku.employers.tests.factories import NeedFactory, entry, introduction, opt_in
from polku.testing.roles import Case, expect

SEE = {"coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200, "employer": 200}


def actors(ok: int, coord_b: int = 403) -> dict[str, int]:
    """The employer's side: partner a's coordinator, the lead, admins and the representative."""
    return expect(404, coord_a=ok, lead=ok, admin=ok, employer=ok, coord_b=coord_b)


def managers(ok: int, **more: int) -> dict[str, int]:
    return expect(404, coord_a=ok, lead=ok, admin=ok, **more)


def own(ok: int) -> dict[str, int]:
    return expect(404, user_a=ok)


def _fresh(w: Any) -> None:
    """No earlier introduction of participant a to the matrix employer (a row may be built twice)."""
    opt_in(w.part_a)
    Introduction.objects.filter(employer=w.employer_row, participation=w.part_a).delete()


def _need(w: Any) -> int:
    return NeedFactory(employer=w.employer_row, title="API need").pk


def _intro(w: Any, status: str = "proposed") -> int:
    _fresh(w)
    return introduction(NeedFactory(employer=w.employer_row), w.part_a, status=status).pk


def _propose(w: Any) -> tuple[str, str, dict]:
    opt_in(w.part_a)
    ref = candidate_ref(participation_id=w.part_a.pk, employer_id=w.employer_row.pk)
    return ("post", f"/api/v1/talent-needs/{_need(w)}/introductions/", {"candidate": ref})


TODAY = lambda: timezone.localdate().isoformat()  # noqa: E731
NEED = {"kind": "job", "title": "Developer", "mode": "remote", "languages": {"fi": "B1"}}

CASES = [
    Case("employer-list", lambda w: ("get", "/api/v1/employers/", None), expect(200)),
    Case(
        "employer-create",
        lambda w: ("post", "/api/v1/employers/", {"partner": w.a.pk, "name": "API Oy"}),
        managers(201, coord_b=403, evaluator=403, mentor=403, employer=403),
    ),
    Case(
        "employer-detail",
        lambda w: ("get", f"/api/v1/employers/{w.employer_row.pk}/", None),
        expect(404, **SEE),
    ),
    Case(
        "employer-invite",
        lambda w: ("post", f"/api/v1/employers/{w.employer_row.pk}/representatives/", {"email": "x@firm.fi"}),
        managers(201, coord_b=403, employer=403),
    ),
    Case(
        "employer-needs-list",
        lambda w: ("get", f"/api/v1/employers/{w.employer_row.pk}/needs/", None),
        expect(404, **SEE),
    ),
    Case(
        "employer-needs-create",
        lambda w: ("post", f"/api/v1/employers/{w.employer_row.pk}/needs/", NEED),
        actors(201),
    ),
    Case(
        "employer-cooperation-list",
        lambda w: ("get", f"/api/v1/employers/{w.employer_row.pk}/cooperation/", None),
        managers(200),
    ),
    Case(
        "employer-cooperation-create",
        lambda w: (
            "post",
            f"/api/v1/employers/{w.employer_row.pk}/cooperation/",
            {"kind": "contact", "happened_on": TODAY(), "ways": ["site_visit"]},
        ),
        managers(201),
    ),
    Case(
        "employer-follow-up-done",
        lambda w: (
            "post",
            f"/api/v1/cooperation/{entry(w.employer_row, follow_up_on=timezone.localdate()).pk}/follow-up-done/",
            None,
        ),
        managers(200),
    ),
    Case(
        "talent-need-detail", lambda w: ("get", f"/api/v1/talent-needs/{_need(w)}/", None), expect(404, **SEE)
    ),
    Case(
        "talent-need-update",
        lambda w: ("patch", f"/api/v1/talent-needs/{_need(w)}/", {"title": "Renamed", "status": "closed"}),
        actors(200),
    ),
    Case(
        "talent-need-skills", lambda w: ("post", f"/api/v1/talent-needs/{_need(w)}/skills/", {}), actors(200)
    ),
    Case(
        "talent-need-candidates",
        lambda w: ("get", f"/api/v1/talent-needs/{_need(w)}/candidates/", None),
        actors(200, coord_b=404),
    ),
    Case("talent-need-propose", _propose, actors(201, coord_b=404)),
    Case("introduction-list", lambda w: ("get", "/api/v1/introductions/", None), expect(200)),
    Case(
        "introduction-detail",
        lambda w: ("get", f"/api/v1/introductions/{_intro(w)}/", None),
        actors(200, coord_b=404),
    ),
    Case(
        "introduction-record",
        lambda w: ("patch", f"/api/v1/introductions/{_intro(w, 'approved')}/", {"result": "offered"}),
        actors(200, coord_b=404),
    ),
    # before approval only the person's own coordinator (and admins) know who it is: 404 for the employer
    Case(
        "introduction-contact-before-approval",
        lambda w: ("get", f"/api/v1/introductions/{_intro(w)}/contact/", None),
        expect(404, coord_a=200, admin=200),
    ),
    Case(
        "introduction-contact-after-approval",
        lambda w: ("get", f"/api/v1/introductions/{_intro(w, 'approved')}/contact/", None),
        actors(200, coord_b=404),
    ),
    Case(
        "introduction-start",
        lambda w: ("post", f"/api/v1/introductions/{_intro(w, 'approved')}/start/", {"started_on": TODAY()}),
        expect(404, coord_a=200, admin=200, lead=403, employer=403),
    ),
    Case(
        "internship-plan",
        lambda w: ("post", f"/api/v1/projects/{w.project.code}/internship-plan/", {}),
        managers(200, coord_b=200),
    ),
    Case("my-opportunities", lambda w: ("get", "/api/v1/me/opportunities/", None), own(200)),
    Case(
        "my-employer-choice",
        lambda w: (
            "post",
            "/api/v1/me/employer-choice/",
            {"participation": w.part_a.pk, "found_by_employers": True},
        ),
        own(200),
    ),
    Case("my-introduction-list", lambda w: ("get", "/api/v1/me/introductions/", None), own(200)),
    Case(
        "my-introduction-decide",
        lambda w: ("post", f"/api/v1/me/introductions/{_intro(w)}/decision/", {"approve": False}),
        own(200),
    ),
]
