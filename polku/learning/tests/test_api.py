"""The learning API: catalogue CRUD and CSV, plans with the proposal, items, completions and imports."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from polku.competences.models import ProfileSkill
from polku.competences.services import add_confirmed_skill
from polku.learning.models import Completion, LearningOpportunity, Plan
from polku.learning.tests.factories import graph, opportunity, speaks

pytestmark = pytest.mark.django_db
API = "/api/v1/learning"


def _client(user):
    client = APIClient()
    client.force_login(user)
    return client


def test_opportunity_crud(world):
    g = graph()
    client = _client(world.coord_a)
    created = client.post(
        f"{API}/opportunities/",
        {
            "owner": f"partner:{world.a.pk}",
            "code": "forklift",
            "provider": "Omnia",
            "title_fi": "Trukkikortti",
            "hours": "8",
            "languages": {"fi": "A2"},
            "skills": [g.forklift.uri],
            "competences": ["entrecomp-1.0:3.5"],
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["skills"] == [g.forklift.uri] and body["owner"] == f"partner:{world.a.pk}"
    pk = body["id"]
    changed = client.patch(f"{API}/opportunities/{pk}/", {"hours": "10", "skills": []}, format="json")
    assert changed.json()["hours"] == "10.0" and changed.json()["skills"] == []
    bad = client.patch(f"{API}/opportunities/{pk}/", {"languages": {"fi": "Z1"}}, format="json")
    assert bad.status_code == 400 and "languages" in bad.json()
    assert client.delete(f"{API}/opportunities/{pk}/").status_code == 204


def test_catalogue_import_api_dry_run_then_import(world):
    client = _client(world.coord_a)
    csv = "code,provider,title_fi,hours\nfinnish-a1,Omnia,Suomea,40\n"
    checked = client.post(
        f"{API}/opportunities/import/", {"owner": f"partner:{world.a.pk}", "csv": csv}, format="json"
    )
    assert checked.json() == {
        "ok": True,
        "imported": 0,
        "rows": [{"row": 2, "code": "finnish-a1", "errors": []}],
    }
    done = client.post(
        f"{API}/opportunities/import/",
        {"owner": f"partner:{world.a.pk}", "csv": csv, "dry_run": False},
        format="json",
    )
    assert done.json()["imported"] == 1 and LearningOpportunity.objects.count() == 1
    bad = client.post(
        f"{API}/opportunities/import/",
        {"owner": f"partner:{world.a.pk}", "csv": csv + "x,Omnia,,1\n", "dry_run": False},
        format="json",
    )
    assert bad.status_code == 400 and "row 3" in bad.json()


def test_plan_api_builds_the_proposal_and_follows_completion(world):
    g = graph()
    speaks(world.part_a.person, fi="B1")
    add_confirmed_skill(person=world.part_a.person, skill=g.forklift, kind="manual")
    course = opportunity(g.warehouse, code="warehouse")
    client = _client(world.user_a)
    created = client.post(f"{API}/plans/", {"goal_kind": "occupation", "target": g.worker.uri}, format="json")
    assert created.status_code == 201, created.content
    plan = created.json()
    assert plan["gap"][0]["uri"] == g.warehouse.uri and plan["gap"][0]["status"] == "missing"
    assert plan["gap"][0]["explanation"].startswith("Missing:")
    assert [i["opportunity"] for i in plan["items"]] == [course.pk]
    item_id = plan["items"][0]["id"]
    done = client.patch(f"{API}/items/{item_id}/", {"status": "completed"}, format="json")
    assert done.json()["status"] == "completed"
    assert ProfileSkill.objects.get(person=world.part_a.person, skill=g.warehouse).status == "confirmed"
    detail = client.get(f"{API}/plans/{plan['id']}/").json()
    assert detail["gap_counts"]["essential_covered"] == 2 and detail["status"] == "done"


def test_plan_of_another_partner_is_404_and_lead_sees_counts_only(world):
    plan = Plan.objects.create(person=world.part_a.person, goal_kind="business", business_goal="Café")
    assert _client(world.coord_b).get(f"{API}/plans/{plan.pk}/").status_code == 404
    lead = _client(world.lead)
    assert lead.get(f"{API}/plans/{plan.pk}/").status_code == 404
    assert lead.get(f"{API}/plans/").json()["count"] == 0
    counts = lead.get(f"{API}/projects/{world.project.code}/plan-counts/").json()
    assert {row["partner"]: row["plans"] for row in counts} == {world.a.pk: 1, world.b.pk: 0}
    coord_b_counts = _client(world.coord_b).get(f"{API}/projects/{world.project.code}/plan-counts/").json()
    assert [row["partner"] for row in coord_b_counts] == [world.b.pk]


def test_completion_api_is_idempotent(world):
    g = graph()
    course = opportunity(g.warehouse)
    client = _client(world.coord_a)
    body = {"person": world.part_a.person.pk, "opportunity": course.pk, "completed_on": "2026-01-05"}
    assert client.post(f"{API}/completions/", body, format="json").status_code == 201
    assert client.post(f"{API}/completions/", body, format="json").status_code == 200
    assert Completion.objects.count() == 1
    listed = client.get(f"{API}/people/{world.part_a.person.pk}/completions/").json()
    assert listed["count"] == 1


def test_mooc_import_api_reports_unmatched_rows(world):
    g = graph()
    opportunity(g.warehouse, code="warehouse")
    csv = "email,course_id,completion_date\nparticipant.a@example.org,warehouse,2026-01-10\nparticipant.b@example.org,warehouse,2026-01-10\n"
    response = _client(world.coord_a).post(
        f"{API}/completions/import/", {"partner": world.a.pk, "csv": csv, "dry_run": False}, format="json"
    )
    assert response.json()["summary"] == {"recorded": 1, "unmatched-person": 1}
