"""Mentoring API routes against every role of the `world` fixture (collected by polku/core/tests)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from polku.mentoring.models import MentoringProgramme, Mentorship
from polku.mentoring.tests import factories as mf
from polku.testing.roles import EVERYONE, Case, expect, own_person

API = "/api/v1/mentoring"
MANAGERS = {"coord_a": 200, "lead": 200, "admin": 200}


def managers(ok: int) -> dict[str, int]:
    return expect(404, coord_a=ok, lead=ok, admin=ok)


def pair_only(ok: int) -> dict[str, int]:
    """The mentee (user_a) acts; coordinators see the mentorship but may not act for the pair. The lead
    coordinates no partner: partner a's mentees are not theirs to see (decision 0060)."""
    return expect(404, user_a=ok, coord_a=403, admin=403)


def programme(w: Any, mode: str = MentoringProgramme.Mode.COORDINATOR) -> MentoringProgramme:
    return mf.ProgrammeFactory(partner=w.a, mode=mode)


def joined(w: Any, mode: str = MentoringProgramme.Mode.COORDINATOR) -> tuple[Any, Any, Any]:
    """A programme of partner a, participant a in it, and a mentor with whom they share English."""
    prog = programme(w, mode)
    mf.speaks(w.part_a, en="C1")
    mentee = mf.MenteeRequestFactory(programme=prog, participation=w.part_a)
    profile = mf.mentor(w.a, organisation="Other Oy")
    return prog, mentee, profile


def pair(w: Any) -> Mentorship:
    _prog, mentee, profile = joined(w)
    return mf.active(mentee=mentee, mentor=profile)


def pending(w: Any) -> Mentorship:
    _prog, mentee, profile = joined(w)
    return mf.MentorshipFactory(mentee=mentee, mentor=profile)


def mentor_pair(w: Any, *, status: str = Mentorship.Status.ACTIVE) -> Mentorship:
    """A mentorship of participant a with the role matrix's mentor (`w.mentor_profile`)."""
    prog = programme(w)
    mf.speaks(w.part_a, en="C1")
    mentee = mf.MenteeRequestFactory(programme=prog, participation=w.part_a)
    if status == Mentorship.Status.PENDING:
        return mf.MentorshipFactory(mentee=mentee, mentor=w.mentor_profile)
    return mf.active(mentee=mentee, mentor=w.mentor_profile)


def the_pair(ok: int) -> dict[str, int]:
    """Participant a and the matrix's mentor, the two of `mentor_pair`, act; its managers are refused."""
    return expect(404, user_a=ok, mentor=ok, coord_a=403, admin=403)


def proposal_create(w: Any) -> tuple[str, str, dict[str, int]]:
    prog, mentee, profile = joined(w)
    run = mf.run_with_proposal(prog, mf.MenteeRequestFactory(programme=prog), profile)
    return "post", f"{API}/runs/{run.run_id}/proposals/", {"mentee": mentee.pk, "mentor": profile.pk}


def mentor_request(w: Any) -> tuple[str, str, dict[str, int]]:
    prog, _mentee, profile = joined(w, "self_service")
    return "post", f"{API}/programmes/{prog.pk}/mentors/{profile.pk}/request/", {}


NEW_PROGRAMME = {"name": "Career mentoring", "starts_on": "2025-02-01", "ends_on": "2025-12-31"}

CASES = [
    Case("mentoring-programme-list", lambda w: ("get", f"{API}/programmes/", None), EVERYONE),
    Case(
        "mentoring-programme-create",
        lambda w: (
            "post",
            f"{API}/programmes/",
            {**NEW_PROGRAMME, "project": w.project.code, "partner": w.a.pk},
        ),
        expect(403, coord_a=201, lead=201, admin=201),
    ),
    Case(
        "mentoring-programme-retrieve",
        lambda w: ("get", f"{API}/programmes/{programme(w).pk}/", None),
        managers(200),
    ),
    Case(
        "mentoring-programme-update",
        lambda w: ("patch", f"{API}/programmes/{programme(w).pk}/", {"status": "closed"}),
        managers(200),
    ),
    Case(
        "mentoring-mentee-list",
        lambda w: ("get", f"{API}/programmes/{programme(w).pk}/mentees/", None),
        managers(200),
    ),
    Case(
        "mentoring-mentee-join",
        lambda w: (
            "post",
            f"{API}/programmes/{programme(w).pk}/mentees/",
            {"kind": "career", "skills": ["python"]},
        ),
        expect(404, user_a=201),
    ),
    Case(
        "mentoring-run-create",
        lambda w: ("post", f"{API}/programmes/{joined(w)[0].pk}/runs/", {"objective": "total"}),
        managers(201),
    ),
    Case(
        "mentoring-run-retrieve",
        lambda w: ("get", f"{API}/runs/{mf.run_with_proposal(*joined(w)).run_id}/", None),
        managers(200),
    ),
    Case(
        "mentoring-proposal-create",
        proposal_create,
        managers(201) | {"lead": 404},  # partner a's mentee is not the lead's to see (decision 0060)
    ),
    Case(
        "mentoring-proposal-remove",
        lambda w: ("delete", f"{API}/proposals/{mf.run_with_proposal(*joined(w)).pk}/", None),
        managers(204),
    ),
    Case(
        "mentoring-run-publish",
        lambda w: ("post", f"{API}/runs/{mf.run_with_proposal(*joined(w)).run_id}/publish/", None),
        managers(201),
    ),
    Case(
        "mentoring-ranked-mentors",
        lambda w: ("get", f"{API}/programmes/{joined(w, 'self_service')[0].pk}/ranked-mentors/", None),
        expect(404, user_a=200),
    ),
    Case(
        "mentoring-mentor-request",
        mentor_request,
        expect(404, user_a=201),
    ),
    # the signed-in mentor's own profile (the matrix's mentor has one; an admin may keep one too)
    Case(
        "mentoring-mentor-profile",
        lambda w: ("get", f"{API}/mentor-profile/", None),
        expect(403, admin=200, mentor=200),
    ),
    Case(
        "mentoring-mentor-profile-update",
        lambda w: (
            "put",
            f"{API}/mentor-profile/",
            {"capacity": 3, "languages": {"en": "C1"}, "kinds": ["career"]},
        ),
        expect(403, admin=200, mentor=200),
    ),
    Case("mentoring-mentorship-list", lambda w: ("get", f"{API}/mentorships/", None), EVERYONE),
    Case(
        "mentoring-mentorship-retrieve",
        lambda w: ("get", f"{API}/mentorships/{pair(w).pk}/", None),
        own_person(200),
    ),
    Case(
        "mentoring-mentorship-respond",
        lambda w: ("post", f"{API}/mentorships/{pending(w).pk}/respond/", {"accept": True}),
        pair_only(200),
    ),
    Case(
        "mentoring-goal-create",
        lambda w: (
            "post",
            f"{API}/mentorships/{pair(w).pk}/goals/",
            {"text": "Find an internship", "status": "open"},
        ),
        pair_only(201),
    ),
    Case(
        "mentoring-session-create",
        lambda w: (
            "post",
            f"{API}/mentorships/{pair(w).pk}/sessions/",
            {
                "held_on": str(timezone.localdate()),
                "duration_minutes": 45,
                "topics": "CV",
                "notes": "private",
            },
        ),
        pair_only(201),
    ),
    Case(
        "mentoring-mentorship-close",
        lambda w: ("post", f"{API}/mentorships/{pair(w).pk}/close/", {"rating": 4, "text": "Thanks"}),
        own_person(200),
    ),
    # the same as the pair's mentor: the matrix's mentor sees and acts on their own mentee's mentorship
    Case(
        "mentoring-mentorship-retrieve-as-mentor",
        lambda w: ("get", f"{API}/mentorships/{mentor_pair(w).pk}/", None),
        own_person(200) | {"mentor": 200},
    ),
    Case(
        "mentoring-mentorship-respond-as-mentor",
        lambda w: (
            "post",
            f"{API}/mentorships/{mentor_pair(w, status=Mentorship.Status.PENDING).pk}/respond/",
            {"accept": True},
        ),
        the_pair(200),
    ),
    Case(
        "mentoring-session-create-as-mentor",
        lambda w: (
            "post",
            f"{API}/mentorships/{mentor_pair(w).pk}/sessions/",
            {"held_on": str(timezone.localdate()), "duration_minutes": 45},
        ),
        the_pair(201),
    ),
    Case(
        "mentoring-checkin-answer-as-mentor",
        lambda w: ("post", f"{API}/check-ins/{mf.checkin(mentor_pair(w), side='mentor').pk}/", {"rating": 5}),
        expect(404, mentor=200),
    ),
    Case(
        "mentoring-checkin-answer",
        lambda w: ("post", f"{API}/check-ins/{mf.checkin(pair(w)).pk}/", {"rating": 5}),
        expect(404, user_a=200),
    ),
]
