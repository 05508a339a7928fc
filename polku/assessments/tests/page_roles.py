"""Self-assessment pages in the role matrix (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.assessments.tests.factories import assessment
from polku.testing.roles import NON_MEMBERS

# Participant a's own pages: they themself, their coordinator and admins; others do not learn they exist.
OWN = NON_MEMBERS | {"coord_a": 200, "admin": 200, "user_a": 200}

PAGES = {
    # a participant is sent to their own page; staff get their list or their projects' figures
    "assessments_index": (
        lambda w: reverse("assessments:index"),
        {"anonymous": 302, "user_a": 302, "stranger": 403},
        200,
    ),
    "assessments_me": (lambda w: reverse("assessments:me"), {"anonymous": 302, "user_a": 302}, 403),
    "assessments_person_a": (lambda w: reverse("assessments:person", args=[w.part_a.person_id]), OWN, 404),
    "assessments_take_digcomp_a": (
        lambda w: reverse("assessments:take", args=[w.part_a.person_id, "digcomp"]),
        OWN,
        404,
    ),
    "assessments_take_entrecomp_a": (
        lambda w: reverse("assessments:take", args=[w.part_a.person_id, "entrecomp"]),
        OWN,
        404,
    ),
    "assessments_detail_a": (
        lambda w: reverse("assessments:detail", args=[assessment(w.part_a.person).pk]),
        OWN,
        404,
    ),
    "assessments_project": (
        lambda w: reverse("assessments:project", args=[w.project.code]),
        NON_MEMBERS,
        200,
    ),
}
