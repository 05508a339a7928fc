"""Guidance pages in the role matrix (collected by polku/core/tests/test_page_roles.py).

Everything about participant a's guidance is for the coordinator of partner a and admins; every other
signed-in role gets 404 (the participant too: their steps are on their own page, ticked through `done`).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.guidance.tests.api_roles import _session_of_a, _step_of_a
from polku.testing.roles import Post

GUIDE_OF_A = {"anonymous": 302, "coord_a": 200, "admin": 200}
WRITES_OF_A = {"anonymous": 302, "coord_a": 302, "admin": 302}
SESSION = {
    "held_on": "2025-05-06",
    "duration_minutes": "45",
    "channel": "phone",
    "kind": "social_support",
    "topics": ["wellbeing"],
    "notes": "Private.",
}
ONE_STEP = {
    "next_steps-TOTAL_FORMS": "1",
    "next_steps-INITIAL_FORMS": "0",
    "next_steps-MIN_NUM_FORMS": "0",
    "next_steps-MAX_NUM_FORMS": "10",
    "next_steps-0-text": "Book a time with the social counsellor",
    "next_steps-0-due_on": "2025-05-20",
    "next_steps-0-owner": "participant",
}
STEP = {"text": "Send the course list", "due_on": "2025-05-30", "owner": "staff"}


def _session_page(name: str):
    return lambda w: reverse(f"guidance:{name}", args=[_session_of_a(w)])


def _step_page(name: str):
    return lambda w: reverse(f"guidance:{name}", args=[_step_of_a(w)])


def _create(w: Any) -> str:
    return reverse("guidance:session_create", args=[w.part_a.pk])


PAGES = {
    "guidance_session_create_a": (_create, GUIDE_OF_A, 404),
    "guidance_session_a": (_session_page("session"), GUIDE_OF_A, 404),
    "guidance_session_edit_a": (_session_page("session_edit"), GUIDE_OF_A, 404),
    "guidance_session_delete_a": (_session_page("session_delete"), GUIDE_OF_A, 404),
    "guidance_step_create_a": (_session_page("step_create"), GUIDE_OF_A, 404),
    "guidance_step_edit_a": (_step_page("step_edit"), GUIDE_OF_A, 404),
    "guidance_step_delete_a": (_step_page("step_delete"), GUIDE_OF_A, 404),
}

POSTS = {
    "guidance_session_create_a": Post(_create, lambda w: SESSION | ONE_STEP, WRITES_OF_A, 404),
    "guidance_session_edit_a": Post(_session_page("session_edit"), lambda w: SESSION, WRITES_OF_A, 404),
    "guidance_session_delete_a": Post(_session_page("session_delete"), lambda w: {}, WRITES_OF_A, 404),
    "guidance_step_create_a": Post(_session_page("step_create"), lambda w: STEP, WRITES_OF_A, 404),
    "guidance_step_edit_a": Post(_step_page("step_edit"), lambda w: STEP, WRITES_OF_A, 404),
    "guidance_step_delete_a": Post(_step_page("step_delete"), lambda w: {}, WRITES_OF_A, 404),
    # ticking a step: its coordinators, and the participant their own step (the default owner)
    "guidance_step_done_a": Post(
        _step_page("step_done"), lambda w: {"done": "1"}, WRITES_OF_A | {"user_a": 302}, 404
    ),
}
