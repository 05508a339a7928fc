"""Learning API routes against every role of the `world` fixture (collected by polku/core/tests)."""

from __future__ import annotations

from typing import Any

from polku.learning.models import Milestone, Plan, PlanItem
from polku.learning.tests import factories as lf
from polku.testing.roles import EVERYONE, MEMBERS_READ, Case, expect, own_person

API = "/api/v1/learning"


def editors(ok: int) -> dict[str, int]:
    """An opportunity of partner a: its coordinator, the project lead and admins edit; others see it."""
    return expect(403, coord_a=ok, lead=ok, admin=ok)


def opp(w: Any) -> Any:
    return lf.OpportunityFactory(partner=w.a, project=w.project)


def plan(w: Any) -> Plan:
    return lf.PlanFactory(person=w.part_a.person)


def item(w: Any) -> PlanItem:
    return lf.item(plan(w))


def milestone(w: Any) -> Milestone:
    return lf.milestone(plan(w))


NEW = {
    "code": "forklift-card",
    "provider": "Omnia",
    "title_fi": "Trukkikortti",
    "hours": "8",
    "languages": {"fi": "A2"},
}
CSV = "code,provider,title_fi,hours\nfinnish-a1,Omnia,Suomea,40\n"

CASES = [
    Case("learning-opportunity-list", lambda w: ("get", f"{API}/opportunities/", None), EVERYONE),
    Case(
        "learning-opportunity-create",
        lambda w: ("post", f"{API}/opportunities/", {**NEW, "owner": f"partner:{w.a.pk}"}),
        expect(403, coord_a=201, lead=201, admin=201),
    ),
    Case(
        "learning-opportunity-retrieve",
        lambda w: ("get", f"{API}/opportunities/{opp(w).pk}/", None),
        EVERYONE,
    ),
    Case(
        "learning-opportunity-update",
        lambda w: ("patch", f"{API}/opportunities/{opp(w).pk}/", {"hours": "12"}),
        editors(200),
    ),
    Case(
        "learning-opportunity-delete",
        lambda w: ("delete", f"{API}/opportunities/{opp(w).pk}/", None),
        editors(204),
    ),
    Case("learning-catalogue-export", lambda w: ("get", f"{API}/opportunities/export/", None), EVERYONE),
    Case(
        "learning-catalogue-import",
        lambda w: ("post", f"{API}/opportunities/import/", {"owner": f"partner:{w.a.pk}", "csv": CSV}),
        editors(200),
    ),
    Case("learning-plan-list", lambda w: ("get", f"{API}/plans/", None), EVERYONE),
    Case(
        "learning-plan-create",
        lambda w: (
            "post",
            f"{API}/plans/",
            {"person": w.part_a.person.pk, "goal_kind": "business", "business_goal": "A café"},
        ),
        own_person(201),
    ),
    Case("learning-plan-retrieve", lambda w: ("get", f"{API}/plans/{plan(w).pk}/", None), own_person(200)),
    Case(
        "learning-plan-update",
        lambda w: ("patch", f"{API}/plans/{plan(w).pk}/", {"status": "active"}),
        own_person(200),
    ),
    Case("learning-plan-delete", lambda w: ("delete", f"{API}/plans/{plan(w).pk}/", None), own_person(204)),
    Case(
        "learning-plan-propose",
        lambda w: ("post", f"{API}/plans/{plan(w).pk}/propose/", None),
        own_person(200),
    ),
    Case(
        "learning-item-create",
        lambda w: ("post", f"{API}/plans/{plan(w).pk}/items/", {"text": "Job fair"}),
        own_person(201),
    ),
    Case(
        "learning-item-update",
        lambda w: ("patch", f"{API}/items/{item(w).pk}/", {"status": "dropped"}),
        own_person(200),
    ),
    Case("learning-item-delete", lambda w: ("delete", f"{API}/items/{item(w).pk}/", None), own_person(204)),
    Case(
        "learning-milestone-create",
        lambda w: (
            "post",
            f"{API}/plans/{plan(w).pk}/milestones/",
            {"title": "Card", "due_on": "2026-06-01"},
        ),
        own_person(201),
    ),
    Case(
        "learning-milestone-update",
        lambda w: ("patch", f"{API}/milestones/{milestone(w).pk}/", {"status": "done"}),
        own_person(200),
    ),
    Case(
        "learning-milestone-delete",
        lambda w: ("delete", f"{API}/milestones/{milestone(w).pk}/", None),
        own_person(204),
    ),
    Case(
        "learning-comment-list",
        lambda w: ("get", f"{API}/plans/{plan(w).pk}/comments/", None),
        own_person(200),
    ),
    Case(
        "learning-comment-create",
        lambda w: ("post", f"{API}/plans/{plan(w).pk}/comments/", {"text": "Good plan"}),
        own_person(201),
    ),
    Case(
        "learning-person-completions",
        lambda w: ("get", f"{API}/people/{w.part_a.person.pk}/completions/", None),
        own_person(200),
    ),
    Case(
        "learning-completion-create",
        lambda w: (
            "post",
            f"{API}/completions/",
            {"person": w.part_a.person.pk, "opportunity": opp(w).pk, "completed_on": "2026-01-15"},
        ),
        own_person(201),
    ),
    Case(
        "learning-completion-import",
        lambda w: (
            "post",
            f"{API}/completions/import/",
            {"partner": w.a.pk, "csv": "email,course_id,completion_date\nx@example.org,c,2026-01-01\n"},
        ),
        expect(403, coord_a=200, admin=200),
    ),
    Case(
        "learning-plan-counts",
        lambda w: ("get", f"{API}/projects/{w.project.code}/plan-counts/", None),
        # members without figures are answered as non-members here (selectors.plan_counts: 404)
        MEMBERS_READ | {"mentor": 404, "employer": 404},
    ),
]
