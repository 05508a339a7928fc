"""Mentoring pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.mentoring.tests import factories as mf
from polku.mentoring.tests.api_roles import joined, pair, programme

MANAGERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
MENTEE = {"anonymous": 302, "user_a": 200}

PAGES = {
    "mentoring_programmes": (
        lambda w: reverse("mentoring:programmes"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "evaluator": 200, "admin": 200},
        403,
    ),
    "mentoring_programme_create": (
        lambda w: reverse("mentoring:programme_create", args=[w.project.code]),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    "mentoring_programme": (lambda w: reverse("mentoring:programme", args=[programme(w).pk]), MANAGERS, 404),
    "mentoring_programme_edit": (
        lambda w: reverse("mentoring:programme_edit", args=[programme(w).pk]),
        MANAGERS,
        404,
    ),
    "mentoring_run": (
        lambda w: reverse("mentoring:run", args=[mf.run_with_proposal(*joined(w)).run_id]),
        MANAGERS,
        404,
    ),
    "mentoring_profile": (lambda w: reverse("mentoring:profile"), {"anonymous": 302, "admin": 200}, 403),
    "mentoring_mine": (lambda w: reverse("mentoring:mine"), MENTEE, 403),
    "mentoring_join": (lambda w: reverse("mentoring:join", args=[programme(w).pk]), MENTEE, 404),
    "mentoring_choose": (
        lambda w: reverse("mentoring:choose", args=[joined(w, "self_service")[0].pk]),
        MENTEE,
        404,
    ),
    "mentoring_mentorship": (
        lambda w: reverse("mentoring:mentorship", args=[pair(w).pk]),
        MANAGERS | {"user_a": 200},
        404,
    ),
    "mentoring_checkin": (lambda w: reverse("mentoring:checkin", args=[mf.checkin(pair(w)).pk]), MENTEE, 404),
}
