"""Learning pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.learning.tests import factories as lf
from polku.learning.tests.api_roles import item, opp, plan

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
    "learning_plans": (
        lambda w: reverse("learning:plans"),
        {"anonymous": 302, "stranger": 403},
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
_unused = item
