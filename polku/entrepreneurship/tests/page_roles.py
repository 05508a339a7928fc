"""Entrepreneurship pages in the role matrix (collected by polku/core/tests/test_page_roles.py).

Participant a's idea: they, their coordinator (coord_a) and admins; the world's mentor once attached as its
expert. Sparring notes: the team and the expert, not the coordinator. Listings of partner a: coord_a, the
project lead and admins; introductions also the successor (participant a). The coordinators' boards:
coordinators and admins (others 403). Everyone else gets 404, anonymous visitors the sign-in (302).
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone

from polku.entrepreneurship.tests.api_roles import (
    _agreed_intro_of_a,
    _idea_of_a,
    _intro_of_a,
    _listing_of_a,
    _profile_of_a,
    _sparred_idea_of_a,
    _sparring_of_a,
)
from polku.testing.roles import Post

SIGN_IN = {"anonymous": 302}
PARTICIPANT = SIGN_IN | {"user_a": 200}
COORDINATORS = SIGN_IN | {"coord_a": 200, "coord_b": 200, "admin": 200}
TEAM_OF_A = SIGN_IN | {"coord_a": 200, "admin": 200, "user_a": 200}
COACH_OF_A = SIGN_IN | {"coord_a": 200, "admin": 200}
EXPERT = SIGN_IN | {"mentor": 200, "admin": 200}
LISTING_OF_A = SIGN_IN | {"coord_a": 200, "lead": 200, "admin": 200}


def _written(status: dict[str, int]) -> dict[str, int]:
    """The same roles, with a successful POST's redirect (302) for those allowed."""
    return {role: 302 if code == 200 else code for role, code in status.items()}


def _page(name: str, of: Any = None):
    if of is None:
        return lambda w: reverse(f"entrepreneurship:{name}")
    return lambda w: reverse(f"entrepreneurship:{name}", args=[of(w)])


def _propose(w: Any) -> str:
    return reverse("entrepreneurship:propose", args=[_listing_of_a(w), _profile_of_a(w)])


def _today() -> str:
    return timezone.localdate().isoformat()


LISTING = {
    "headline": "A café",
    "industry": "56",
    "country": "FI",
    "region": "01",
    "staff_band": "1-9",
    "turnover_band": "lt200k",
    "experience_years": "0",
    "capital_band": "1",
    "company_name": "Kahvila Oy",
}
COMPANY = {"name": "Meal Kits Oy", "country": "FI", "business_id": "0201256-6", "company_form": "limited"}

PAGES = {
    "entrepreneurship_mine": (_page("mine"), PARTICIPANT, 404),
    "entrepreneurship_successor_profile": (_page("successor_profile"), PARTICIPANT, 404),
    "entrepreneurship_pipeline": (_page("pipeline"), COORDINATORS, 403),
    "entrepreneurship_idea_create": (_page("idea_create"), PARTICIPANT, 404),
    "entrepreneurship_idea_a": (_page("idea", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_idea_sparred_a": (_page("idea", _sparred_idea_of_a), TEAM_OF_A | {"mentor": 200}, 404),
    "entrepreneurship_idea_edit_a": (_page("idea_edit", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_stage_a": (_page("stage", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_interview_a": (_page("interview_create", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_experiment_a": (_page("experiment_create", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_milestone_a": (_page("milestone_create", _idea_of_a), TEAM_OF_A, 404),
    "entrepreneurship_comment_a": (
        _page("comment_create", _sparred_idea_of_a),
        COACH_OF_A | {"mentor": 200},
        404,
    ),
    "entrepreneurship_sparring_create_a": (_page("sparring_create", _idea_of_a), COACH_OF_A, 404),
    "entrepreneurship_idea_company_a": (_page("idea_company", _idea_of_a), COACH_OF_A, 404),
    "entrepreneurship_sparring_list": (_page("sparring"), EXPERT, 404),
    "entrepreneurship_sparring_a": (_page("sparring_detail", _sparring_of_a), EXPERT | {"user_a": 200}, 404),
    "entrepreneurship_sparring_session_a": (_page("sparring_session", _sparring_of_a), EXPERT, 404),
    "entrepreneurship_sparring_readiness_a": (_page("sparring_readiness", _sparring_of_a), EXPERT, 404),
    "entrepreneurship_transfers": (_page("transfers"), COORDINATORS, 403),
    "entrepreneurship_listing_create": (_page("listing_create"), COORDINATORS, 403),
    "entrepreneurship_listing_a": (_page("listing", _listing_of_a), LISTING_OF_A, 404),
    "entrepreneurship_listing_edit_a": (_page("listing_edit", _listing_of_a), LISTING_OF_A, 404),
    "entrepreneurship_introduction_a": (
        _page("introduction", _intro_of_a),
        LISTING_OF_A | {"user_a": 200},
        404,
    ),
    "entrepreneurship_introduction_company_a": (
        _page("introduction_company", _agreed_intro_of_a),
        LISTING_OF_A,
        404,
    ),
}

POSTS = {
    "entrepreneurship_successor_profile": Post(
        _page("successor_profile"),
        lambda w: {
            "regions": ["01"],
            "capital_band": "1",
            "timeline": "year",
            "experience_years": "2",
            "active": "on",
        },
        _written(PARTICIPANT),
        404,
    ),
    "entrepreneurship_idea_create": Post(
        _page("idea_create"), lambda w: {"title": "Cleaning", "industry": "81"}, _written(PARTICIPANT), 404
    ),
    "entrepreneurship_idea_edit_a": Post(
        _page("idea_edit", _idea_of_a),
        lambda w: {"title": "Meal kits", "pitch": "Better"},
        _written(TEAM_OF_A),
        404,
    ),
    "entrepreneurship_stage_a": Post(
        _page("stage", _idea_of_a), lambda w: {"stage": "validating"}, _written(TEAM_OF_A), 404
    ),
    "entrepreneurship_interview_a": Post(
        _page("interview_create", _idea_of_a),
        lambda w: {"interviewee": "A shop owner", "held_on": "2025-03-01", "learnt": "Would pay"},
        _written(TEAM_OF_A),
        404,
    ),
    "entrepreneurship_experiment_a": Post(
        _page("experiment_create", _idea_of_a),
        lambda w: {"assumption": "People pay 60 €", "result": "running"},
        _written(TEAM_OF_A),
        404,
    ),
    "entrepreneurship_milestone_a": Post(
        _page("milestone_create", _idea_of_a),
        lambda w: {"title": "First customer", "due_on": "2025-09-01"},
        _written(TEAM_OF_A),
        404,
    ),
    "entrepreneurship_comment_a": Post(
        _page("comment_create", _sparred_idea_of_a),
        lambda w: {"body": "Test the price"},
        _written(COACH_OF_A | {"mentor": 200}),
        404,
    ),
    "entrepreneurship_sparring_create_a": Post(
        _page("sparring_create", _idea_of_a),
        lambda w: {"expert": str(w.mentor.pk), "sessions_agreed": "3"},
        _written(COACH_OF_A),
        404,
    ),
    "entrepreneurship_idea_company_a": Post(
        _page("idea_company", _idea_of_a),
        lambda w: COMPANY | {"registered_on": _today()},
        _written(COACH_OF_A),
        404,
    ),
    "entrepreneurship_sparring_session_a": Post(
        _page("sparring_session", _sparring_of_a),
        lambda w: {"held_on": "2025-04-01", "duration_minutes": "45", "notes": "Pricing"},
        _written(EXPERT),
        404,
    ),
    "entrepreneurship_sparring_readiness_a": Post(
        _page("sparring_readiness", _sparring_of_a),
        lambda w: {"readiness": "almost", "note": "Test the price"},
        _written(EXPERT),
        404,
    ),
    # coord_b may not choose partner a: the form comes back (400) and nothing is written
    "entrepreneurship_listing_create": Post(
        _page("listing_create"),
        lambda w: LISTING | {"partner": str(w.a.pk)},
        _written(COORDINATORS) | {"coord_b": 400},
        403,
    ),
    "entrepreneurship_listing_edit_a": Post(
        _page("listing_edit", _listing_of_a), lambda w: LISTING, _written(LISTING_OF_A), 404
    ),
    # the lead sees the listing but not the participants of the partners (no successor to propose: 404)
    "entrepreneurship_propose_a": Post(_propose, lambda w: {}, _written(COACH_OF_A), 404),
    "entrepreneurship_introduction_answer_a": Post(
        _page("introduction_answer", _intro_of_a),
        lambda w: {"agree": "1"},
        SIGN_IN | {"user_a": 302, "coord_a": 403, "lead": 403, "admin": 403},
        404,
    ),
    "entrepreneurship_introduction_owner_answer_a": Post(
        _page("introduction_owner_answer", _intro_of_a),
        lambda w: {"agree": "1"},
        SIGN_IN | {"user_a": 403, "coord_a": 302, "lead": 302, "admin": 302},
        404,
    ),
    # the lead records no outcome for another partner's participant: refused (403), nothing written
    "entrepreneurship_introduction_company_a": Post(
        _page("introduction_company", _agreed_intro_of_a),
        lambda w: COMPANY | {"registered_on": _today()},
        SIGN_IN | {"coord_a": 302, "admin": 302, "lead": 403},
        404,
    ),
}
