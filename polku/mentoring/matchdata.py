"""From mentoring rows to the matching engine's plain data, and back to stored reasons.

The engine (`polku.matching.scoring` and `polku.matching.assignment`) knows nothing of Django; this module
turns mentees and mentor profiles into `Candidate`s, a programme into weights and `Rules`, and a
`PairScore` into the JSON breakdown kept on proposals and mentorships ("why this match").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from polku.matching import scoring
from polku.mentoring.models import DeclinedPair, MenteeRequest, MentoringProgramme, MentorProfile

# A participant's overall goal (Person.goals) as the kinds of mentoring it calls for.
GOAL_KINDS = {"employment": "career", "entrepreneurship": "entrepreneurship", "studies": "career"}


def mentee_id(mentee: MenteeRequest | int) -> str:
    return f"mentee-{mentee if isinstance(mentee, int) else mentee.pk}"


def mentor_id(profile: MentorProfile | int) -> str:
    return f"mentor-{profile if isinstance(profile, int) else profile.pk}"


def pk_of(engine_id: str) -> int:
    return int(engine_id.rsplit("-", 1)[1])


def mentee_candidate(mentee: MenteeRequest) -> scoring.Candidate:
    """The mentee's side; expects `participation__person__languages` and `wished_mentors` prefetched."""
    person = mentee.participation.person
    goals = {mentee.kind} | {GOAL_KINDS[g] for g in person.goals or [] if g in GOAL_KINDS}
    return scoring.Candidate(
        id=mentee_id(mentee),
        languages={skill.language: skill.level for skill in person.languages.all()},
        skills=frozenset(mentee.skills),
        industries=frozenset(mentee.industries),
        goals=frozenset(goals),
        availability=frozenset(mentee.availability),
        location=person.municipality or None,
        employer=mentee.employer.strip().lower() or None,
        wishes=frozenset(mentor_id(p.pk) for p in mentee.wished_mentors.all()),
    )


def mentor_candidate(profile: MentorProfile) -> scoring.Candidate:
    return scoring.Candidate(
        id=mentor_id(profile),
        languages=dict(profile.languages),
        skills=frozenset(profile.expertise),
        industries=frozenset(profile.industries),
        goals=frozenset(profile.kinds),
        availability=frozenset(profile.availability),
        location=profile.location or None,
        employer=profile.organisation.strip().lower() or None,
    )


def weights_of(programme: MentoringProgramme) -> dict[str, float]:
    return {**scoring.DEFAULT_WEIGHTS, **{k: float(v) for k, v in (programme.weights or {}).items()}}


def rules_of(programme: MentoringProgramme, *, extra_never: Iterable[tuple[str, str]] = ()) -> scoring.Rules:
    """The programme's rules, with every pair declined before in this project as a never-again rule."""
    declined = DeclinedPair.objects.filter(project_id=programme.project_id).values_list(
        "participation_id", "mentor_id"
    )
    by_participation: dict[int, list[int]] = {}
    for participation_id, profile_id in declined:
        by_participation.setdefault(participation_id, []).append(profile_id)
    never = set(extra_never)
    for mentee in MenteeRequest.objects.filter(
        programme=programme, participation_id__in=by_participation
    ).only("id", "participation_id"):
        never |= {(mentee_id(mentee), mentor_id(p)) for p in by_participation[mentee.participation_id]}
    return scoring.Rules(
        min_language_level=programme.min_language_level,
        forbid_same_employer=programme.forbid_same_employer,
        never=frozenset(never),
    )


def breakdown(pair: scoring.PairScore) -> list[dict[str, Any]]:
    """The score's parts as JSON, strongest first: what is shown under "why this match"."""
    parts = [
        {
            "criterion": part.criterion,
            "weight": part.weight,
            "value": round(part.value, 4),
            "contribution": round(part.contribution, 4),
            "matched": list(part.matched),
            "missing": list(part.missing),
        }
        for part in pair.parts
    ]
    return sorted(parts, key=lambda p: -p["contribution"])
