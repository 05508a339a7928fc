"""Outcome pages in the role matrix (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.outcomes.services import exit_link_token
from polku.outcomes.tests.api_roles import _exited_a
from polku.outcomes.tests.factories import FollowUpFactory, OutcomeFactory
from polku.testing.roles import NON_MEMBERS

OWN = NON_MEMBERS | {"coord_a": 200, "admin": 200, "user_a": 200}
COORDINATOR_OF_A = {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404}
EVERYONE = {"anonymous": 200}


def _exit_link(w) -> str:
    _exited_a(w)
    w.part_a.refresh_from_db()
    return reverse("outcomes:exit_link", args=[exit_link_token(w.part_a)])


PAGES = {
    "outcomes_participation_a": (lambda w: reverse("outcomes:participation", args=[w.part_a.pk]), OWN, 404),
    "outcomes_exit_a": (lambda w: reverse("outcomes:exit", args=[w.part_a.pk]), OWN, 404),
    "outcomes_outcome_create_a": (lambda w: reverse("outcomes:outcome_create", args=[w.part_a.pk]), OWN, 404),
    "outcomes_outcome_edit_a": (
        lambda w: reverse(
            "outcomes:outcome_edit", args=[OutcomeFactory(participation=w.part_a, source="participant").pk]
        ),
        OWN,
        404,
    ),
    "outcomes_outcome_delete_a": (
        lambda w: reverse(
            "outcomes:outcome_delete", args=[OutcomeFactory(participation=w.part_a, source="participant").pk]
        ),
        OWN,
        404,
    ),
    "outcomes_follow_up_record_a": (
        lambda w: reverse("outcomes:follow_up_record", args=[w.part_a.pk]),
        COORDINATOR_OF_A,
        403,
    ),
    "outcomes_follow_up_list": (
        lambda w: reverse("outcomes:follow_up_list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    # The e-mailed links work without a log-in and show nothing personal.
    "outcomes_follow_up_answer": (
        lambda w: reverse("outcomes:follow_up_answer", args=[FollowUpFactory(participation=w.part_a).token]),
        EVERYONE,
        200,
    ),
    "outcomes_exit_link": (lambda w: _exit_link(w), EVERYONE, 200),
}
