"""Employers pages in the role matrix (collected by polku/core/tests/test_page_roles.py).

The matrix world's employer representative acts for `employer_row`, an employer kept by partner a.
Employers and needs: the project's lead and coordinators see them (companies are not personal data);
the partner a coordinator, the lead and admins manage them; the representative acts for their own.
Introductions: their participant's coordinator, the employer's side (coordinators of partner a, the lead,
the representative) and admins. A participant's own pages: only the participant.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from polku.employers.models import Introduction
from polku.employers.selectors import candidate_ref
from polku.employers.tests.factories import NeedFactory, entry, introduction, opt_in
from polku.testing.roles import Post, keep

STAFF_SEE = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200, "employer": 200}
MANAGERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
ACTORS = MANAGERS | {"employer": 200}
INTRO_SIDE = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200, "employer": 200}
OWN = {"anonymous": 302, "user_a": 200}


def redirects(table: dict[str, int]) -> dict[str, int]:
    return {role: (302 if status == 200 else status) for role, status in table.items()}


def _fresh(w: Any) -> None:
    """No earlier introduction of participant a to the matrix employer (a row may be built twice)."""
    opt_in(w.part_a)
    Introduction.objects.filter(employer=w.employer_row, participation=w.part_a).delete()


def _need(w: Any) -> Any:
    return keep(w, "need", NeedFactory(employer=w.employer_row, title="Matrix need"))


def _need_url(name: str):
    return lambda w: reverse(f"employers:{name}", args=[_need(w).pk])


def _intro(status: str):
    def url(w: Any, name: str) -> str:
        _fresh(w)
        row = introduction(_need(w), w.part_a, status=status)
        return reverse(f"employers:{name}", args=[row.pk])

    return url


def _employer_url(name: str):
    return lambda w: reverse(f"employers:{name}", args=[w.employer_row.pk])


def _propose_url(w: Any) -> str:
    opt_in(w.part_a)
    return reverse("employers:need_propose", args=[_need(w).pk])


def _entry_done(w: Any) -> str:
    row = entry(w.employer_row, follow_up_on=timezone.localdate())
    return reverse("employers:follow_up_done", args=[row.pk])


def _mine_decide(w: Any) -> str:
    _fresh(w)
    row = introduction(_need(w), w.part_a)
    return reverse("employers:mine_decide", args=[row.pk])


NEED = {"kind": "internship", "title": "Intern", "mode": "remote", "openings": "1"}
TODAY = lambda w: timezone.localdate().isoformat()  # noqa: E731

PAGES = {
    # the employer representative is sent to their employer's page
    "employers_index": (
        lambda w: reverse("employers:index"),
        MANAGERS | {"coord_b": 200, "employer": 302},
        404,
    ),
    "employers_employer": (_employer_url("employer"), STAFF_SEE, 404),
    "employers_need_create": (_employer_url("need_create"), ACTORS, 404),
    "employers_need": (_need_url("need"), STAFF_SEE, 404),
    "employers_need_edit": (_need_url("need_edit"), ACTORS, 404),
    "employers_introductions": (
        lambda w: reverse("employers:introductions"),
        {"anonymous": 302},
        200,
    ),
    "employers_introduction": (lambda w: _intro("proposed")(w, "introduction"), INTRO_SIDE, 404),
    "employers_assign": (
        lambda w: reverse("employers:assign", args=[w.project.code]),
        MANAGERS | {"coord_b": 200},
        404,
    ),
    "employers_mine": (lambda w: reverse("employers:mine"), OWN, 404),
    "employers_mine_introductions": (lambda w: reverse("employers:mine_introductions"), OWN, 404),
}

POSTS = {
    # adding an employer: coordinator b may not choose partner a (the form comes back, 400, nothing written)
    "employers_index": Post(
        lambda w: reverse("employers:index"),
        lambda w: {"partner": str(w.a.pk), "name": "Posted Oy", "country": "FI"},
        redirects(MANAGERS) | {"coord_b": 400},
        404,
    ),
    "employers_invite": Post(
        _employer_url("invite"),
        lambda w: {"email": "new.rep@example.org", "language": "fi"},
        redirects(MANAGERS),
        404,
    ),
    "employers_entry_create": Post(
        _employer_url("entry_create"),
        lambda w: {"kind": "meeting", "happened_on": TODAY(w), "ways": ["internship"]},
        redirects(MANAGERS),
        404,
    ),
    "employers_follow_up_done": Post(_entry_done, lambda w: {}, redirects(MANAGERS), 404),
    "employers_need_create": Post(_employer_url("need_create"), lambda w: NEED, redirects(ACTORS), 404),
    "employers_need_edit": Post(_need_url("need_edit"), lambda w: NEED, redirects(ACTORS), 404),
    # changing a need: coordinator b sees it but is refused
    "employers_need_status": Post(
        _need_url("need_status"), lambda w: {"status": "closed"}, redirects(ACTORS) | {"coord_b": 403}, 404
    ),
    "employers_need_skills": Post(
        _need_url("need_skills"), lambda w: {}, redirects(ACTORS) | {"coord_b": 403}, 404
    ),
    "employers_need_suggest": Post(
        _need_url("need_suggest"), lambda w: {}, redirects(ACTORS) | {"coord_b": 403}, 404
    ),
    "employers_need_propose": Post(
        _propose_url,
        lambda w: {"candidate": candidate_ref(participation_id=w.part_a.pk, employer_id=w.employer_row.pk)},
        redirects(ACTORS),
        404,
    ),
    "employers_introduction_record": Post(
        lambda w: _intro("approved")(w, "introduction_record"),
        lambda w: {"interview_on": TODAY(w), "result": "offered"},
        redirects(INTRO_SIDE),
        404,
    ),
    # the start of a placement is the participant's coordinator's to record (it becomes their outcome)
    "employers_introduction_start": Post(
        lambda w: _intro("approved")(w, "introduction_start"),
        lambda w: {"started_on": TODAY(w)},
        redirects(INTRO_SIDE) | {"lead": 403, "employer": 403},
        404,
    ),
    "employers_assign": Post(
        lambda w: reverse("employers:assign", args=[w.project.code]),
        lambda w: {},
        redirects(MANAGERS) | {"coord_b": 302},
        404,
    ),
    "employers_mine_choice": Post(
        lambda w: reverse("employers:mine_choice", args=[w.part_a.pk]),
        lambda w: {"choice": "in"},
        redirects(OWN),
        404,
    ),
    "employers_mine_decide": Post(_mine_decide, lambda w: {"decision": "decline"}, redirects(OWN), 404),
}
