"""The guidance API: sessions and next steps for the partner's coordinators, notes read audited and never
in lists, the participant's own steps without notes, counts for the lead, and field errors as 400s."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from polku.audit.models import AuditEvent
from polku.guidance.models import NextStep
from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory

pytestmark = pytest.mark.django_db
SESSION = {"held_on": "2025-05-06", "duration_minutes": 45, "channel": "video", "kind": "career_guidance"}


def _client(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_create_list_and_read_a_session(world):
    client = _client(world.coord_a)
    url = f"/api/v1/participants/{world.part_a.pk}/guidance-sessions/"
    body = SESSION | {"topics": ["job_search"], "notes": "Private words"}
    created = client.post(url, body, format="json")
    assert created.status_code == 201, created.content
    session_id = created.json()["id"]
    listed = client.get(url).json()
    assert listed["count"] == 1 and "notes" not in listed["results"][0]
    assert listed["results"][0]["open_steps"] == 0
    assert not AuditEvent.objects.filter(action="read", object_type="guidance.guidancesession").exists()
    step = client.post(
        f"/api/v1/guidance-sessions/{session_id}/next-steps/",
        {"text": "Send the CV", "due_on": "2025-05-20", "owner": "participant"},
        format="json",
    )
    assert step.status_code == 201
    detail = client.get(f"/api/v1/guidance-sessions/{session_id}/").json()
    assert detail["notes"] == "Private words" and detail["next_steps"][0]["text"] == "Send the CV"
    assert AuditEvent.objects.filter(
        action="read", object_type="guidance.guidancesession", actor=world.coord_a
    ).exists()


def test_bad_input_answers_400_with_the_field(world):
    client = _client(world.coord_a)
    url = f"/api/v1/participants/{world.part_a.pk}/guidance-sessions/"
    assert "duration_minutes" in client.post(url, SESSION | {"duration_minutes": 0}, format="json").json()
    future = (timezone.localdate() + dt.timedelta(days=2)).isoformat()
    response = client.post(url, SESSION | {"held_on": future}, format="json")
    assert response.status_code == 400 and "held_on" in response.json()
    session = GuidanceSessionFactory(participation=world.part_a, held_on=dt.date(2025, 5, 6))
    response = client.post(
        f"/api/v1/guidance-sessions/{session.pk}/next-steps/",
        {"text": "", "due_on": "2025-05-01", "owner": "staff"},
        format="json",
    )
    assert response.status_code == 400 and {"text", "due_on"} <= set(response.json())


def test_update_and_tick_a_step_as_staff(world):
    step = NextStepFactory(session__participation=world.part_a)
    client = _client(world.coord_a)
    response = client.patch(
        f"/api/v1/next-steps/{step.pk}/", {"text": "Send the CV", "done": True}, format="json"
    )
    assert response.status_code == 200 and response.json()["done"] is True


@pytest.mark.parametrize("role", ["coord_b", "lead", "evaluator", "user_a"])
def test_no_session_or_notes_outside_the_partner(world, role):
    session = GuidanceSessionFactory(participation=world.part_a)
    client = _client(getattr(world, role))
    assert client.get(f"/api/v1/guidance-sessions/{session.pk}/").status_code == 404
    assert client.get(f"/api/v1/participants/{world.part_a.pk}/guidance-sessions/").status_code == 404


def test_the_participant_lists_and_ticks_their_steps_without_notes(world):
    session = GuidanceSessionFactory(participation=world.part_a, notes="Never shown to Amina")
    own = NextStepFactory(session=session, owner="participant")
    staffs = NextStepFactory(session=session, owner="staff")
    NextStepFactory(session__participation=world.part_b)
    client = _client(world.user_a)
    response = client.get("/api/v1/me/next-steps/")
    assert "Never shown" not in response.content.decode()
    assert {row["id"] for row in response.json()["results"]} == {own.pk, staffs.pk}
    done = client.post(f"/api/v1/me/next-steps/{own.pk}/done/", {"done": True}, format="json")
    assert done.status_code == 200 and done.json()["done"] is True
    assert (
        client.post(f"/api/v1/me/next-steps/{staffs.pk}/done/", {"done": True}, format="json").status_code
        == 403
    )
    assert NextStep.objects.get(pk=staffs.pk).done_at is None


def test_counts_for_the_lead(world):
    GuidanceSessionFactory(participation=world.part_a, kind="study_counselling", duration_minutes=30)
    GuidanceSessionFactory(participation=world.part_b, kind="study_counselling", duration_minutes=60)
    data = _client(world.lead).get(f"/api/v1/projects/{world.project.code}/guidance-counts/").json()
    assert (data["sessions"], data["people"]) == (2, 2)
    study = next(row for row in data["kinds"] if row["kind"] == "study_counselling")
    assert (study["sessions"], study["minutes"]) == (2, 90)
