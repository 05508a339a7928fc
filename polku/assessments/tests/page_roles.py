"""Self-assessment pages in the role matrix (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.assessments.tests.factories import assessment
from polku.testing.roles import MEMBERS_WITHOUT_FIGURES, NON_MEMBERS, Post

# Participant a's own pages: they themself, their coordinator and admins; others do not learn they exist.
OWN = NON_MEMBERS | {"coord_a": 200, "admin": 200, "user_a": 200}
# signed-in users who see no counts of any project: no figures, and no people
NO_FIGURES = {"stranger": 403} | MEMBERS_WITHOUT_FIGURES

PAGES = {
    # a participant is sent to their own page; staff get their list or their projects' figures
    "assessments_index": (
        lambda w: reverse("assessments:index"),
        {"anonymous": 302, "user_a": 302} | NO_FIGURES,
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
    # a project's deltas: those who see its counts (docs/assessments.md); other members are refused
    "assessments_project": (
        lambda w: reverse("assessments:project", args=[w.project.code]),
        NON_MEMBERS | MEMBERS_WITHOUT_FIGURES,
        200,
    ),
}

OWN_WRITE = NON_MEMBERS | {"coord_a": 302, "admin": 302, "user_a": 302}

POSTS = {
    "assessments_take_digcomp_a": Post(
        lambda w: reverse("assessments:take", args=[w.part_a.person_id, "digcomp"]),
        lambda w: {"c_1_1": "3", "c_1_2": "none"},
        OWN_WRITE,
        404,
    ),
    "assessments_delete_a": Post(
        lambda w: reverse("assessments:delete", args=[assessment(w.part_a.person).pk]),
        lambda w: {},
        OWN_WRITE,
        404,
    ),
}
