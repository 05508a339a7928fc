"""Role-matrix cases of the guidance API (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from typing import Any

from polku.guidance.tests.factories import GuidanceSessionFactory, NextStepFactory
from polku.testing.roles import STAFF_READ, Case, expect

SESSION = {"held_on": "2025-05-06", "duration_minutes": 45, "channel": "video", "kind": "study_counselling"}
STEP = {"text": "Apply to the path studies", "due_on": "2025-05-30", "owner": "participant"}


def guide_of_a(ok: int) -> dict[str, int]:
    """Participant a's guidance: the coordinator of partner a and admins; everyone else 404."""
    return expect(404, coord_a=ok, admin=ok)


def _session_of_a(w: Any) -> int:
    return GuidanceSessionFactory(participation=w.part_a, staff=w.coord_a).pk


def _step_of_a(w: Any) -> int:
    return NextStepFactory(session__participation=w.part_a, session__staff=w.coord_a).pk


CASES = [
    Case(
        "guidance-session-list",
        lambda w: ("get", f"/api/v1/participants/{w.part_a.pk}/guidance-sessions/", None),
        guide_of_a(200),
    ),
    Case(
        "guidance-session-create",
        lambda w: ("post", f"/api/v1/participants/{w.part_a.pk}/guidance-sessions/", SESSION),
        guide_of_a(201),
    ),
    Case(
        "guidance-session-retrieve",
        lambda w: ("get", f"/api/v1/guidance-sessions/{_session_of_a(w)}/", None),
        guide_of_a(200),
    ),
    Case(
        "guidance-session-update",
        lambda w: ("patch", f"/api/v1/guidance-sessions/{_session_of_a(w)}/", {"duration_minutes": 30}),
        guide_of_a(200),
    ),
    Case(
        "guidance-session-delete",
        lambda w: ("delete", f"/api/v1/guidance-sessions/{_session_of_a(w)}/", None),
        guide_of_a(204),
    ),
    Case(
        "guidance-next-step-create",
        lambda w: ("post", f"/api/v1/guidance-sessions/{_session_of_a(w)}/next-steps/", STEP),
        guide_of_a(201),
    ),
    Case(
        "guidance-next-step-retrieve",
        lambda w: ("get", f"/api/v1/next-steps/{_step_of_a(w)}/", None),
        guide_of_a(200),
    ),
    Case(
        "guidance-next-step-update",
        lambda w: ("patch", f"/api/v1/next-steps/{_step_of_a(w)}/", {"done": True}),
        guide_of_a(200),
    ),
    Case(
        "guidance-next-step-delete",
        lambda w: ("delete", f"/api/v1/next-steps/{_step_of_a(w)}/", None),
        guide_of_a(204),
    ),
    # the participant's own steps: participants (an empty list for a participant with none); staff 403
    Case("my-next-step-list", lambda w: ("get", "/api/v1/me/next-steps/", None), expect(403, user_a=200)),
    # ticking participant a's step: they themselves; a's coordinator uses next-steps/<id>/ (403 here)
    Case(
        "my-next-step-done",
        lambda w: ("post", f"/api/v1/me/next-steps/{_step_of_a(w)}/done/", {"done": True}),
        expect(404, user_a=200, coord_a=403, admin=403),
    ),
    # counts only: the project's coordinators, lead, evaluators and admins
    Case(
        "guidance-counts",
        lambda w: ("get", f"/api/v1/projects/{w.project.code}/guidance-counts/", None),
        STAFF_READ,
    ),
]
