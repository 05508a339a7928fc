"""Role-matrix cases of the entrepreneurship API (collected by polku/core/tests/test_api_roles.py).

Participant a's idea: their coordinator (coord_a), admins and they themselves; the mentor of the world only
once attached as its sparring expert (`_sparred_idea_of_a`). Sparring notes: the team and the expert, never
the coordinator. Listings of partner a: coord_a, the project lead and admins. Introductions: also the
successor (participant a).
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from polku.entrepreneurship.models import SuccessorProfile
from polku.entrepreneurship.tests.factories import (
    BusinessIdeaFactory,
    IntroductionFactory,
    SparringFactory,
    SuccessorProfileFactory,
    TransferListingFactory,
)
from polku.testing.roles import Case, expect


def _idea_of_a(w: Any) -> int:
    return BusinessIdeaFactory(participation=w.part_a).pk


def _sparred_idea_of_a(w: Any) -> int:
    return SparringFactory(idea__participation=w.part_a, expert=w.mentor).idea_id


def _sparring_of_a(w: Any) -> int:
    return SparringFactory(idea__participation=w.part_a, expert=w.mentor).pk


def _listing_of_a(w: Any) -> int:
    return TransferListingFactory(partner=w.a).pk


def _profile_of_a(w: Any) -> int:
    """Participant a's successor profile (one per participation: made once per world)."""
    existing = SuccessorProfile.objects.filter(participation=w.part_a).first()
    return (existing or SuccessorProfileFactory(participation=w.part_a)).pk


def _with_profile_of_a(w: Any) -> str:
    _profile_of_a(w)
    return "/api/v1/me/successor-profile/"


def _intro_of_a(w: Any) -> int:
    return IntroductionFactory(listing__partner=w.a, successor_id=_profile_of_a(w)).pk


def _agreed_intro_of_a(w: Any) -> int:
    now = timezone.now()
    return IntroductionFactory(
        listing__partner=w.a,
        successor_id=_profile_of_a(w),
        participant_agreed_at=now,
        owner_agreed_at=now,
        names_exchanged_at=now,
        status="agreed",
    ).pk


TEAM_OF_A = expect(404, coord_a=200, admin=200, user_a=200)
COACH_OF_A = expect(404, coord_a=201, admin=201, user_a=403)
LISTING_OF_A = expect(404, coord_a=200, lead=200, admin=200)
INTRO_OF_A = LISTING_OF_A | {"user_a": 200}
COMPANY = {"country": "FI", "business_id": "0201256-6", "company_form": "limited"}
LISTING = {
    "partner": None,
    "headline": "A café",
    "industry": "56",
    "country": "FI",
    "region": "01",
    "staff_band": "1-9",
    "turnover_band": "lt200k",
    "capital_band": 1,
    "company_name": "Kahvila Oy",
}


def _today() -> str:
    return timezone.localdate().isoformat()


CASES = [
    # the participant's own: participants only (staff 403)
    Case(
        "my-business-idea-list",
        lambda w: ("get", "/api/v1/me/business-ideas/", None),
        expect(403, user_a=200),
    ),
    Case(
        "my-business-idea-create",
        lambda w: ("post", "/api/v1/me/business-ideas/", {"title": "Cleaning company"}),
        expect(403, user_a=201),
    ),
    # the pipeline: coordinators and admins
    Case(
        "business-idea-list",
        lambda w: ("get", "/api/v1/business-ideas/", None),
        expect(403, coord_a=200, coord_b=200, admin=200),
    ),
    Case(
        "business-idea-retrieve",
        lambda w: ("get", f"/api/v1/business-ideas/{_idea_of_a(w)}/", None),
        TEAM_OF_A,
    ),
    Case(
        "business-idea-retrieve-by-expert",
        lambda w: ("get", f"/api/v1/business-ideas/{_sparred_idea_of_a(w)}/", None),
        TEAM_OF_A | {"mentor": 200},
    ),
    Case(
        "business-idea-update",
        lambda w: ("patch", f"/api/v1/business-ideas/{_idea_of_a(w)}/", {"pitch": "Better pitch"}),
        TEAM_OF_A,
    ),
    Case(
        "business-idea-stage",
        lambda w: ("post", f"/api/v1/business-ideas/{_idea_of_a(w)}/stage/", {"stage": "validating"}),
        TEAM_OF_A,
    ),
    Case(
        "business-idea-interviews",
        lambda w: (
            "post",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/interviews/",
            {"interviewee": "A shop owner", "held_on": "2025-03-01", "learnt": "Would pay"},
        ),
        expect(404, coord_a=201, admin=201, user_a=201),
    ),
    Case(
        "business-idea-experiments",
        lambda w: (
            "post",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/experiments/",
            {"assumption": "Pays 60 €"},
        ),
        expect(404, coord_a=201, admin=201, user_a=201),
    ),
    Case(
        "business-idea-milestones",
        lambda w: (
            "post",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/milestones/",
            {"title": "First customer", "due_on": "2025-09-01"},
        ),
        expect(404, coord_a=201, admin=201, user_a=201),
    ),
    # comments: the coordinators and the idea's experts; the team reads them
    Case(
        "business-idea-comments",
        lambda w: ("post", f"/api/v1/business-ideas/{_sparred_idea_of_a(w)}/comments/", {"body": "Test it"}),
        COACH_OF_A | {"mentor": 201},
    ),
    Case(
        "business-idea-sparrings",
        lambda w: (
            "post",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/sparrings/",
            {"expert": w.mentor.pk, "sessions_agreed": 3},
        ),
        COACH_OF_A,
    ),
    # co-founders: the owner's coordinators, choosing among their own participants (participant a here)
    Case(
        "business-idea-co-founders",
        lambda w: (
            "put",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/co-founders/",
            {"participants": [w.part_a.pk]},
        ),
        TEAM_OF_A | {"user_a": 403},
    ),
    Case(
        "business-idea-company",
        lambda w: (
            "post",
            f"/api/v1/business-ideas/{_idea_of_a(w)}/company/",
            COMPANY | {"registered_on": _today()},
        ),
        COACH_OF_A,
    ),
    # sparring: experts' own list; notes for the team and the expert only
    Case(
        "my-sparring-list",
        lambda w: ("get", "/api/v1/me/sparrings/", None),
        expect(403, mentor=200, admin=200),
    ),
    Case(
        "sparring-retrieve",
        lambda w: ("get", f"/api/v1/sparrings/{_sparring_of_a(w)}/", None),
        expect(404, mentor=200, admin=200, user_a=200),
    ),
    Case(
        "sparring-session-create",
        lambda w: (
            "post",
            f"/api/v1/sparrings/{_sparring_of_a(w)}/sessions/",
            {"held_on": "2025-04-01", "duration_minutes": 45, "notes": "Pricing"},
        ),
        expect(404, mentor=201, admin=201, user_a=403),
    ),
    Case(
        "sparring-readiness",
        lambda w: ("post", f"/api/v1/sparrings/{_sparring_of_a(w)}/readiness/", {"readiness": "almost"}),
        expect(404, mentor=200, admin=200, user_a=403),
    ),
    # listings: the partner's coordinators, the project lead, admins
    Case(
        "transfer-listing-list",
        lambda w: ("get", "/api/v1/transfer-listings/", None),
        expect(403, coord_a=200, coord_b=200, lead=200, admin=200),
    ),
    Case(
        "transfer-listing-create",
        lambda w: ("post", "/api/v1/transfer-listings/", LISTING | {"partner": w.a.pk}),
        expect(403, coord_a=201, coord_b=403, lead=201, admin=201, evaluator=403, user_a=403),
    ),
    Case(
        "transfer-listing-retrieve",
        lambda w: ("get", f"/api/v1/transfer-listings/{_listing_of_a(w)}/", None),
        LISTING_OF_A,
    ),
    Case(
        "transfer-listing-update",
        lambda w: ("patch", f"/api/v1/transfer-listings/{_listing_of_a(w)}/", {"reason": "Retiring"}),
        LISTING_OF_A,
    ),
    Case(
        "transfer-listing-matches",
        lambda w: ("get", f"/api/v1/transfer-listings/{_listing_of_a(w)}/matches/", None),
        LISTING_OF_A,
    ),
    # proposing: the listing's coordinators, for a successor of their own partner (the lead sees none)
    Case(
        "transfer-introduction-create",
        lambda w: (
            "post",
            f"/api/v1/transfer-listings/{_listing_of_a(w)}/introductions/",
            {"successor": _profile_of_a(w)},
        ),
        expect(404, coord_a=201, admin=201),
    ),
    Case(
        "successor-matches",
        lambda w: ("get", f"/api/v1/successor-profiles/{_profile_of_a(w)}/matches/", None),
        expect(404, coord_a=200, admin=200),
    ),
    Case(
        "my-successor-profile-retrieve",
        lambda w: ("get", _with_profile_of_a(w), None),
        expect(403, user_a=200),
    ),
    Case(
        "my-successor-profile-update",
        lambda w: ("put", "/api/v1/me/successor-profile/", {"regions": ["01"], "industries": ["56"]}),
        expect(403, user_a=200),
    ),
    Case(
        "my-transfer-introduction-list",
        lambda w: ("get", "/api/v1/me/transfer-introductions/", None),
        expect(403, user_a=200),
    ),
    Case(
        "introduction-retrieve",
        lambda w: ("get", f"/api/v1/transfer-introductions/{_intro_of_a(w)}/", None),
        INTRO_OF_A,
    ),
    Case(
        "transfer-introduction-answer",
        lambda w: ("post", f"/api/v1/transfer-introductions/{_intro_of_a(w)}/answer/", {"agree": True}),
        INTRO_OF_A | {"coord_a": 403, "lead": 403, "admin": 403},
    ),
    Case(
        "transfer-introduction-owner-answer",
        lambda w: ("post", f"/api/v1/transfer-introductions/{_intro_of_a(w)}/owner-answer/", {"agree": True}),
        INTRO_OF_A | {"user_a": 403},
    ),
    # the transfer: the listing's coordinators who also coordinate the successor (the lead records no outcome)
    Case(
        "transfer-introduction-company",
        lambda w: (
            "post",
            f"/api/v1/transfer-introductions/{_agreed_intro_of_a(w)}/company/",
            COMPANY | {"registered_on": _today()},
        ),
        INTRO_OF_A | {"coord_a": 201, "admin": 201, "user_a": 403, "lead": 403},
    ),
]
