"""Learning pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from polku.learning.tests import factories as lf
from polku.learning.tests.api_roles import item, milestone, opp, plan
from polku.testing.roles import MEMBERS_WITHOUT_FIGURES, Post, keep

SIGNED_IN = {"anonymous": 302}
EDITORS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
CREATORS = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200}
OWN = {"anonymous": 302, "coord_a": 200, "admin": 200, "user_a": 200}

PAGES = {
    "learning_catalogue": (lambda w: reverse("learning:catalogue"), SIGNED_IN, 200),
    "learning_opportunity": (lambda w: reverse("learning:opportunity", args=[opp(w).pk]), SIGNED_IN, 200),
    "learning_opportunity_create": (lambda w: reverse("learning:opportunity_create"), CREATORS, 403),
    "learning_opportunity_edit": (
        lambda w: reverse("learning:opportunity_edit", args=[opp(w).pk]),
        EDITORS,
        404,
    ),
    "learning_catalogue_export": (lambda w: reverse("learning:catalogue_export"), SIGNED_IN, 200),
    "learning_catalogue_import": (lambda w: reverse("learning:catalogue_import"), CREATORS, 403),
    # plans: participants their own, coordinators their people's, the lead and evaluators counts; members
    # without figures (mentors, employer representatives) nothing
    "learning_plans": (
        lambda w: reverse("learning:plans"),
        {"anonymous": 302, "stranger": 403} | MEMBERS_WITHOUT_FIGURES,
        200,
    ),
    "learning_plan_create": (
        lambda w: reverse("learning:plan_create"),
        {"anonymous": 302, "user_a": 200},
        403,
    ),
    "learning_person_plans": (
        lambda w: reverse("learning:person_plans", args=[w.part_a.person.pk]),
        OWN,
        404,
    ),
    "learning_person_plan_create": (
        lambda w: reverse("learning:person_plan_create", args=[w.part_a.person.pk]),
        OWN,
        404,
    ),
    "learning_plan": (lambda w: reverse("learning:plan", args=[plan(w).pk]), OWN, 404),
    "learning_item_complete": (
        lambda w: reverse("learning:item_complete", args=[lf.item(plan(w), opp(w)).pk]),
        OWN,
        404,
    ),
    "learning_mooc_import": (
        lambda w: reverse("learning:mooc_import"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
}


def _upload(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode())


def _plan_page(name: str, make: Any = plan) -> Any:
    return lambda w: reverse(f"learning:{name}", args=[make(w).pk])


OPPORTUNITY = {
    "code": "forklift-card",
    "kind": "course",
    "provider": "Omnia",
    "title_fi": "Trukkikortti",
    "mode": "onsite",
    "hours": "8",
    "cost": "0",
    "is_active": "on",
}
MOOC_CSV = "email,course_id,completion_date\nparticipant.a@example.org,c,2026-01-01\n"
CATALOGUE_CSV = "code,provider,title_fi,hours\nfinnish-a1,Omnia,Suomea,40\n"
# participant a's plans: they, their coordinator and admins; everyone else 404
OWN_WRITE = {"anonymous": 302, "coord_a": 302, "admin": 302, "user_a": 302}

POSTS = {
    # coord_b adds opportunities, but not in partner a's name: the choice comes back with an error
    "learning_opportunity_create": Post(
        lambda w: reverse("learning:opportunity_create"),
        lambda w: OPPORTUNITY | {"owner": f"partner:{w.a.pk}"},
        {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302, "coord_b": 400},
        403,
    ),
    "learning_opportunity_edit": Post(
        lambda w: reverse("learning:opportunity_edit", args=[keep(w, "opportunity", opp(w)).pk]),
        lambda w: OPPORTUNITY | {"code": w.opportunity.code, "owner": f"partner:{w.a.pk}"},
        {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302},
        404,
    ),
    # the first step checks the file and shows a preview (nothing is written before "import")
    "learning_catalogue_import": Post(
        lambda w: reverse("learning:catalogue_import"),
        lambda w: {"owner": f"partner:{w.a.pk}", "file": _upload("catalogue.csv", CATALOGUE_CSV)},
        {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200, "coord_b": 400},
        403,
    ),
    "learning_plan_create": Post(
        lambda w: reverse("learning:plan_create"),
        lambda w: {"goal_kind": "business", "business_goal": "A café"},
        {"anonymous": 302, "user_a": 302},
        403,
    ),
    "learning_person_plan_create": Post(
        lambda w: reverse("learning:person_plan_create", args=[w.part_a.person.pk]),
        lambda w: {"goal_kind": "business", "business_goal": "A café"},
        OWN_WRITE,
        404,
    ),
    "learning_plan_propose": Post(_plan_page("plan_propose"), lambda w: {}, OWN_WRITE, 404),
    "learning_plan_status": Post(_plan_page("plan_status"), lambda w: {"status": "active"}, OWN_WRITE, 404),
    "learning_item_add": Post(_plan_page("item_add"), lambda w: {"text": "Job fair"}, OWN_WRITE, 404),
    "learning_item_action": Post(
        _plan_page("item_action", item), lambda w: {"action": "remove"}, OWN_WRITE, 404
    ),
    "learning_item_complete": Post(
        lambda w: reverse("learning:item_complete", args=[lf.item(plan(w), opp(w)).pk]),
        lambda w: {"completed_on": "2026-01-15"},
        OWN_WRITE,
        404,
    ),
    "learning_milestone_add": Post(_plan_page("milestone_add"), lambda w: {"title": "Card"}, OWN_WRITE, 404),
    "learning_milestone_action": Post(
        _plan_page("milestone_action", milestone), lambda w: {"action": "remove"}, OWN_WRITE, 404
    ),
    "learning_comment_add": Post(_plan_page("comment_add"), lambda w: {"text": "Good plan"}, OWN_WRITE, 404),
    # without "import" the file is only checked (a preview); coord_b may not choose partner a
    "learning_mooc_import": Post(
        lambda w: reverse("learning:mooc_import"),
        lambda w: {"partner": w.a.pk, "file": _upload("completions.csv", MOOC_CSV)},
        {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 400},
        403,
    ),
}
