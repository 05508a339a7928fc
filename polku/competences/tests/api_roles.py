"""Competence profile API routes against every role of the `world` fixture (collected by polku/core/tests).

The profile of participant a: the person (user_a), their coordinator (coord_a) and admins; everyone else
gets 404 (the person's existence is private)."""

from __future__ import annotations

from typing import Any

from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SuggestionJob,
)
from polku.esco.tests import factories as ef
from polku.participants.models import LanguageSkill
from polku.testing.roles import Case, own_person

API = "/api/v1/competences/people"


def base(w: Any) -> str:
    return f"{API}/{w.part_a.person_id}"


def suggestion(w: Any) -> ProfileSkill:
    return ProfileSkill.objects.create(person=w.part_a.person, skill=ef.skill("welding"))


def confirmed(w: Any) -> ProfileSkill:
    return ProfileSkill.objects.create(
        person=w.part_a.person, skill=ef.skill("teamwork"), status=ProfileSkill.Status.CONFIRMED
    )


def language(w: Any) -> str:
    LanguageSkill.objects.get_or_create(person=w.part_a.person, language="sv", defaults={"level": "A2"})
    return "sv"


def education(w: Any) -> int:
    return Education.objects.create(person=w.part_a.person, level="3").pk


def occupation(w: Any) -> int:
    return OccupationHeld.objects.create(person=w.part_a.person, title="Cook").pk


def occupation_suggestion(w: Any) -> int:
    return OccupationSuggestion.objects.create(
        person=w.part_a.person, occupation=ef.occupation("cook"), source="text"
    ).pk


def job(w: Any) -> int:
    return SuggestionJob.objects.create(person=w.part_a.person, source="text", language="en").pk


CASES = [
    Case("competences-profile", lambda w: ("get", f"{base(w)}/", None), own_person(200)),
    Case("competences-profile-pdf", lambda w: ("get", f"{base(w)}/profile.pdf", None), own_person(200)),
    Case(
        "competences-suggest",
        lambda w: ("post", f"{base(w)}/suggestions/", {"text": "I drove a forklift.", "language": "en"}),
        own_person(200),
    ),
    # A JSON body carries no file: the roles that may upload get the form error.
    Case("competences-cv", lambda w: ("post", f"{base(w)}/cv/", {"language": "en"}), own_person(400)),
    Case("competences-job", lambda w: ("get", f"{base(w)}/jobs/{job(w)}/", None), own_person(200)),
    Case(
        "competences-skill-add",
        lambda w: ("post", f"{base(w)}/skills/", {"uri": ef.skill("welding").uri}),
        own_person(201),
    ),
    Case(
        "competences-skill-decide",
        lambda w: ("post", f"{base(w)}/skills/decide/", {"ids": [suggestion(w).pk], "decision": "confirm"}),
        own_person(200),
    ),
    Case(
        "competences-skill-remove",
        lambda w: ("delete", f"{base(w)}/skills/{confirmed(w).pk}/", None),
        own_person(204),
    ),
    Case("competences-language-list", lambda w: ("get", f"{base(w)}/languages/", None), own_person(200)),
    Case(
        "competences-language-list",
        lambda w: ("post", f"{base(w)}/languages/", {"language": "fi", "level": "B1", "listening": "B2"}),
        own_person(200),
    ),
    Case(
        "competences-language-detail",
        lambda w: ("delete", f"{base(w)}/languages/{language(w)}/", None),
        own_person(204),
    ),
    Case("competences-education-list", lambda w: ("get", f"{base(w)}/education/", None), own_person(200)),
    Case(
        "competences-education-list",
        lambda w: ("post", f"{base(w)}/education/", {"level": "6", "isced_field": "06", "title": "BSc"}),
        own_person(201),
    ),
    Case(
        "competences-education-detail",
        lambda w: ("delete", f"{base(w)}/education/{education(w)}/", None),
        own_person(204),
    ),
    Case("competences-occupation-list", lambda w: ("get", f"{base(w)}/occupations/", None), own_person(200)),
    Case(
        "competences-occupation-list",
        lambda w: (
            "post",
            f"{base(w)}/occupations/",
            {"title": "Cook", "employer": "Hotel", "start_year": 2015},
        ),
        own_person(201),
    ),
    Case(
        "competences-occupation-detail",
        lambda w: ("delete", f"{base(w)}/occupations/{occupation(w)}/", None),
        own_person(204),
    ),
    Case(
        "competences-occupation-suggestion-decide",
        lambda w: ("post", f"{base(w)}/occupation-suggestions/{occupation_suggestion(w)}/", {"held": False}),
        own_person(204),
    ),
]
