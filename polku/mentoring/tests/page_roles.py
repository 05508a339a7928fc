"""Mentoring pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from polku.matching.scoring import CRITERIA
from polku.mentoring.models import Goal, MatchingRun, Mentorship
from polku.mentoring.tests import factories as mf
from polku.mentoring.tests.api_roles import joined, mentor_pair, pair, programme
from polku.testing.roles import Post, keep

MANAGERS = {"anonymous": 302, "coord_a": 200, "lead": 200, "admin": 200}
MENTEE = {"anonymous": 302, "user_a": 200}
# the world's mentor (a mentor of partner a) sees their profile and their own mentees, nothing else
MENTOR = {"mentor": 200}


def _pending_mentor_pair(w: Any) -> Mentorship:
    return mentor_pair(w, status=Mentorship.Status.PENDING)


def _run_without_proposals(w: Any) -> MatchingRun:
    """A run of a programme of partner a with no proposal; its mentee and mentor kept for the body."""
    prog, mentee, profile = joined(w)
    keep(w, "pair_to_add", {"mentee": mentee.pk, "mentor": profile.pk})
    return MatchingRun.objects.create(programme=prog, summary={})


PAGES = {
    "mentoring_programmes": (
        lambda w: reverse("mentoring:programmes"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "evaluator": 200, "admin": 200},
        403,
    ),
    "mentoring_programme_create": (
        lambda w: reverse("mentoring:programme_create", args=[w.project.code]),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    "mentoring_programme": (lambda w: reverse("mentoring:programme", args=[programme(w).pk]), MANAGERS, 404),
    "mentoring_invite_mentor": (
        lambda w: reverse("mentoring:invite_mentor", args=[programme(w).pk]),
        MANAGERS,
        404,
    ),
    "mentoring_programme_edit": (
        lambda w: reverse("mentoring:programme_edit", args=[programme(w).pk]),
        MANAGERS,
        404,
    ),
    "mentoring_run": (
        lambda w: reverse("mentoring:run", args=[mf.run_with_proposal(*joined(w)).run_id]),
        MANAGERS,
        404,
    ),
    "mentoring_profile": (
        lambda w: reverse("mentoring:profile"),
        {"anonymous": 302, "admin": 200} | MENTOR,
        403,
    ),
    "mentoring_mine": (lambda w: reverse("mentoring:mine"), MENTEE | MENTOR, 403),
    "mentoring_join": (lambda w: reverse("mentoring:join", args=[programme(w).pk]), MENTEE, 404),
    "mentoring_choose": (
        lambda w: reverse("mentoring:choose", args=[joined(w, "self_service")[0].pk]),
        MENTEE,
        404,
    ),
    # a mentorship of participant a with another mentor: the world's mentor does not learn it exists
    # the lead runs partner a's programme but sees none of partner a's mentees (decision 0060)
    "mentoring_mentorship": (
        lambda w: reverse("mentoring:mentorship", args=[pair(w).pk]),
        MANAGERS | {"user_a": 200, "lead": 404},
        404,
    ),
    "mentoring_mentorship_of_mentor": (
        lambda w: reverse("mentoring:mentorship", args=[mentor_pair(w).pk]),
        MANAGERS | {"user_a": 200, "lead": 404} | MENTOR,
        404,
    ),
    "mentoring_checkin": (lambda w: reverse("mentoring:checkin", args=[mf.checkin(pair(w)).pk]), MENTEE, 404),
    "mentoring_checkin_of_mentor": (
        lambda w: reverse("mentoring:checkin", args=[mf.checkin(mentor_pair(w), side="mentor").pk]),
        {"anonymous": 302} | MENTOR,
        404,
    ),
}


def _programme_form(w: Any, **extra: Any) -> dict[str, Any]:
    return {
        "partner": w.a.pk,
        "name": "Career mentoring",
        "starts_on": "2025-02-01",
        "ends_on": "2025-12-31",
        "mode": "coordinator",
        "status": "open",
        "min_language_level": "B1",
        "reminder_days": 21,
        **{f"weight_{name}": 1 for name in CRITERIA},
        **extra,
    }


WISHES = {"kind": "career", "skills": "python", "industries": "ICT", "availability": "evenings"}
PROFILE = {
    "bio": "Engineer",
    "organisation": "Mentor Oy",
    "expertise": "python",
    "industries": "ICT",
    "languages": "en C1",
    "kinds": ["career"],
    "availability": "evenings",
    "capacity": 3,
    "is_available": "on",
}
# the programme's managers act (a redirect); everyone else does not learn the programme exists
MANAGERS_WRITE = {"anonymous": 302, "coord_a": 302, "lead": 302, "admin": 302}
# the two of a pair (participant a and the world's mentor) act; the programme's managers see the
# mentorship but may not act for the pair (403); everyone else 404
# the lead of the matrix coordinates no partner: partner a's mentees are not theirs to see (decision 0060)
PAIR_WRITE = {"anonymous": 302, "user_a": 302, "mentor": 302, "coord_a": 403, "lead": 404, "admin": 403}

POSTS = {
    "mentoring_invite_mentor": Post(
        lambda w: reverse("mentoring:invite_mentor", args=[programme(w).pk]),
        lambda w: {"email": "new.mentor@example.org", "language": "fi"},
        MANAGERS_WRITE,
        404,
    ),
    # coord_b runs programmes, but not partner a's: the choice comes back with an error
    "mentoring_programme_create": Post(
        lambda w: reverse("mentoring:programme_create", args=[w.project.code]),
        _programme_form,
        MANAGERS_WRITE | {"coord_b": 400},
        403,
    ),
    "mentoring_programme_edit": Post(
        lambda w: reverse("mentoring:programme_edit", args=[programme(w).pk]),
        lambda w: _programme_form(w, name="Renamed"),
        MANAGERS_WRITE,
        404,
    ),
    # adding a mentee: a coordinator chooses among their own people (the lead has none to choose: 400)
    "mentoring_programme_add_mentee": Post(
        lambda w: reverse("mentoring:programme", args=[programme(w).pk]),
        lambda w: WISHES | {"participation": w.part_a.pk},
        MANAGERS_WRITE | {"lead": 400},
        404,
    ),
    "mentoring_run_create": Post(
        lambda w: reverse("mentoring:run_create", args=[joined(w)[0].pk]),
        lambda w: {"objective": "total"},
        MANAGERS_WRITE,
        404,
    ),
    "mentoring_run_add_pair": Post(
        lambda w: reverse("mentoring:run", args=[_run_without_proposals(w).pk]),
        lambda w: w.pair_to_add,
        MANAGERS_WRITE | {"lead": 400},  # partner a's mentee is no choice of the lead's (decision 0060)
        404,
    ),
    "mentoring_run_publish": Post(
        lambda w: reverse("mentoring:run_publish", args=[mf.run_with_proposal(*joined(w)).run_id]),
        lambda w: {},
        MANAGERS_WRITE,
        404,
    ),
    "mentoring_proposal_remove": Post(
        lambda w: reverse("mentoring:proposal_remove", args=[mf.run_with_proposal(*joined(w)).pk]),
        lambda w: {},
        MANAGERS_WRITE,
        404,
    ),
    "mentoring_profile": Post(
        lambda w: reverse("mentoring:profile"),
        lambda w: PROFILE,
        {"anonymous": 302, "mentor": 302, "admin": 302},
        403,
    ),
    "mentoring_join": Post(
        lambda w: reverse("mentoring:join", args=[programme(w).pk]),
        lambda w: WISHES,
        {"anonymous": 302, "user_a": 302},
        404,
    ),
    "mentoring_choose": Post(
        lambda w: reverse("mentoring:choose", args=[joined(w, "self_service")[0].pk]),
        lambda w: {"mentor": w.mentor_profile.pk},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
    "mentoring_respond": Post(
        lambda w: reverse("mentoring:respond", args=[_pending_mentor_pair(w).pk]),
        lambda w: {"answer": "accept"},
        PAIR_WRITE,
        404,
    ),
    "mentoring_session_create": Post(
        lambda w: reverse("mentoring:session_create", args=[mentor_pair(w).pk]),
        lambda w: {"held_on": str(timezone.localdate()), "duration_minutes": 45, "status": "held"},
        PAIR_WRITE,
        404,
    ),
    # the same on another mentor's mentorship: the world's mentor is refused like a stranger
    "mentoring_session_create_other_pair": Post(
        lambda w: reverse("mentoring:session_create", args=[pair(w).pk]),
        lambda w: {"held_on": str(timezone.localdate()), "duration_minutes": 45, "status": "held"},
        PAIR_WRITE | {"mentor": 404},
        404,
    ),
    "mentoring_goal_create": Post(
        lambda w: reverse("mentoring:goal_create", args=[mentor_pair(w).pk]),
        lambda w: {"text": "Find an internship"},
        PAIR_WRITE,
        404,
    ),
    "mentoring_goal_status": Post(
        lambda w: reverse(
            "mentoring:goal_status",
            args=[(m := mentor_pair(w)).pk, Goal.objects.create(mentorship=m, text="CV").pk],
        ),
        lambda w: {"status": "achieved"},
        PAIR_WRITE,
        404,
    ),
    # either of the pair closes with feedback; the programme's managers close without
    "mentoring_close": Post(
        lambda w: reverse("mentoring:close", args=[mentor_pair(w).pk]),
        lambda w: {"rating": 4, "text": "Thanks"},
        PAIR_WRITE | {"coord_a": 302, "admin": 302},
        404,
    ),
    "mentoring_checkin": Post(
        lambda w: reverse("mentoring:checkin", args=[mf.checkin(mentor_pair(w)).pk]),
        lambda w: {"rating": 5},
        {"anonymous": 302, "user_a": 302},
        404,
    ),
    "mentoring_checkin_of_mentor": Post(
        lambda w: reverse("mentoring:checkin", args=[mf.checkin(mentor_pair(w), side="mentor").pk]),
        lambda w: {"rating": 5},
        {"anonymous": 302, "mentor": 302},
        404,
    ),
}
