"""Outcome pages in the role matrix (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.outcomes.services import exit_link_token
from polku.outcomes.tests.api_roles import _exited_a
from polku.outcomes.tests.factories import FollowUpFactory, OutcomeFactory
from polku.testing.roles import NON_MEMBERS, Post

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


def _exit_link_token(w) -> str:
    _exited_a(w)
    w.part_a.refresh_from_db()
    return exit_link_token(w.part_a)


def _participation(name: str):
    """The page `name` of participant a, exited on 30 June 2025."""
    return lambda w: reverse(f"outcomes:{name}", args=[_exited_a(w)])


def _own_outcome(name: str):
    return lambda w: reverse(
        f"outcomes:{name}", args=[OutcomeFactory(participation=w.part_a, source="participant").pk]
    )


EXIT_SITUATION = {"exit_date": "2025-06-30", "status": "employed", "qualification_gained": "declined"}
OUTCOME = {"kind": "job", "date": "2025-05-01", "description": "Nurse"}
# participant a's coordinator and admins act; the person themself where the row says; others 404
OWN_WRITE = NON_MEMBERS | {"coord_a": 302, "admin": 302, "user_a": 302}

POSTS = {
    "outcomes_exit_a": Post(_participation("exit"), lambda w: EXIT_SITUATION, OWN_WRITE, 404),
    # e-mailing the exit link and reopening: the coordinator only (the person is refused)
    "outcomes_exit_link_send_a": Post(
        _participation("exit_link_send"), lambda w: {}, OWN_WRITE | {"user_a": 403}, 404
    ),
    "outcomes_reopen_a": Post(_participation("reopen"), lambda w: {}, OWN_WRITE | {"user_a": 403}, 404),
    "outcomes_follow_up_record_a": Post(
        _participation("follow_up_record"),
        lambda w: {"labour_status": "employed"},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    "outcomes_outcome_create_a": Post(
        lambda w: reverse("outcomes:outcome_create", args=[w.part_a.pk]), lambda w: OUTCOME, OWN_WRITE, 404
    ),
    "outcomes_outcome_edit_a": Post(_own_outcome("outcome_edit"), lambda w: OUTCOME, OWN_WRITE, 404),
    "outcomes_outcome_delete_a": Post(_own_outcome("outcome_delete"), lambda w: {}, OWN_WRITE, 404),
    # the e-mailed links: whoever holds the link answers (signed in or not), and is thanked
    "outcomes_follow_up_answer": Post(
        lambda w: reverse("outcomes:follow_up_answer", args=[FollowUpFactory(participation=w.part_a).token]),
        lambda w: {"labour_status": "employed"},
        EVERYONE,
        200,
    ),
    "outcomes_exit_link": Post(
        lambda w: reverse("outcomes:exit_link", args=[_exit_link_token(w)]),
        lambda w: {"status": "employed", "qualification_gained": "declined"},
        EVERYONE,
        200,
    ),
}
