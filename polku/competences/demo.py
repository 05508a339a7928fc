"""Demo competence profiles: the demo participants who can sign in, and a few more, get confirmed skills
(with evidence), a suggestion or two to review, languages with levels per skill, education and work.

ESCO concepts come from the ESCO loader (`polku esco load`); when the database has none of the demo's
concepts yet, they are added with their English labels from the shipped ESCO data (same URIs, so the
loader completes them later).
"""

from __future__ import annotations

import random
from typing import TypedDict

from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
)
from polku.esco.models import Concept, Label
from polku.participants.models import LanguageSkill, Person

ESCO = "http://data.europa.eu/esco/"
SKILLS = {
    "forklift": ("skill/28cb374e-6261-4133-8371-f9a5470145da", "operate forklift"),
    "customer": ("skill/15a33d76-4640-438d-ae64-fdc0c1d3eebc", "customer service"),
    "python": ("skill/ccd0a1d9-afda-43d9-b901-96344886e14d", "Python (computer programming)"),
    "sql": ("skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742", "SQL"),
    "first_aid": ("skill/1d21f6ad-340f-45da-a0a3-4e83867f47a6", "provide first aid"),
    "cleaning": ("skill/4f1b6304-f54a-42f0-9604-5427a28d240f", "perform cleaning duties"),
    "spreadsheets": ("skill/1973c966-f236-40c9-b2d4-5d71a89019be", "use spreadsheets software"),
    "teach_languages": ("skill/a9ead737-a7cd-4046-adea-1ff7326db09f", "teach languages"),
    "warehouse": ("skill/fa7be6bf-f906-4b8e-857d-48a9a7da901c", "manage warehouse operations"),
    "project": ("skill/7111b95d-0ce3-441a-9d92-4c75d05c4388", "project management"),
}
OCCUPATIONS = {
    "forklift_operator": ("occupation/eeac6251-1974-42f5-91ed-513c6c883755", "forklift operator"),
    "cook": ("occupation/90f75f67-495d-49fa-ab57-2f320e251d7e", "cook"),
    "developer": ("occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1", "software developer"),
    "shop_assistant": ("occupation/0b15375e-dfdd-4047-9efb-096e0aaee7d2", "shop assistant"),
    "teacher": ("occupation/9711dcfc-d9a8-4fba-9c5e-8428d8bcb53e", "language school teacher"),
}


class _Profile(TypedDict):
    skills: list[tuple[str, str]]
    suggested: list[tuple[str, str]]
    education: tuple[str, str, str, str, str, int]
    work: tuple[str, str, str, int, int | None]
    languages: list[tuple[str, str, dict[str, str]]]


# Profiles: confirmed skills with their evidence words, a suggestion, education, work.
PROFILES: tuple[_Profile, ...] = (
    {
        "skills": [
            ("forklift", "trukkikortti, ajanut trukkia"),
            ("warehouse", "varastotyö"),
            ("first_aid", ""),
        ],
        "suggested": [("customer", "asiakaspalvelua")],
        "education": ("3", "07", "Vocational qualification in logistics", "Omnia", "FI", 2019),
        "work": ("forklift_operator", "Logistics Oy", "FI", 2019, None),
        "languages": [("fi", "B1", {"listening": "B2", "writing": "A2"}), ("en", "B2", {})],
    },
    {
        "skills": [("python", "Python, Django"), ("sql", "SQL"), ("project", "")],
        "suggested": [("spreadsheets", "Excel")],
        "education": ("6", "06", "BSc Computer Engineering", "University of Damascus", "SY", 2014),
        "work": ("developer", "Software House", "SY", 2014, 2021),
        "languages": [("en", "C1", {}), ("fi", "A2", {"reading": "B1", "spoken_production": "A2"})],
    },
    {
        "skills": [("customer", "customer service in a shop"), ("cleaning", ""), ("spreadsheets", "")],
        "suggested": [("first_aid", "first aid course")],
        "education": ("3", "04", "Upper secondary school", "Kyiv Lyceum 12", "UA", 2010),
        "work": ("shop_assistant", "Market", "UA", 2011, 2022),
        "languages": [("uk", "native", {}), ("en", "B1", {}), ("fi", "A1", {})],
    },
    {
        "skills": [("teach_languages", "taught Arabic"), ("project", "")],
        "suggested": [("customer", "")],
        "education": ("7", "01", "MA in Education", "University of Baghdad", "IQ", 2012),
        "work": ("teacher", "Language school", "IQ", 2012, 2020),
        "languages": [("ar", "native", {}), ("en", "C1", {"writing": "B2"}), ("sv", "A2", {})],
    },
)


def _concept(kind: str, path: str, label: str) -> Concept:
    concept, created = Concept.objects.get_or_create(uri=ESCO + path, defaults={"kind": kind})
    if created or not Label.objects.filter(concept=concept, language="en").exists():
        Label.objects.get_or_create(
            concept=concept, language="en", defaults={"preferred": label, "search_text": label.lower()}
        )
    return concept


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 11 + 3)
    people = list(Person.objects.filter(user__isnull=False).order_by("pk")[:4])
    extra = list(Person.objects.filter(user__isnull=True).order_by("pk")[:40])
    people += rng.sample(extra, min(4, len(extra)))
    if not people:
        return
    skills = {k: _concept(Concept.Kind.SKILL, p, label) for k, (p, label) in SKILLS.items()}
    occupations = {k: _concept(Concept.Kind.OCCUPATION, p, label) for k, (p, label) in OCCUPATIONS.items()}
    for i, person in enumerate(people):
        spec = PROFILES[i % len(PROFILES)]
        for key, words in spec["skills"]:
            row, _ = ProfileSkill.objects.get_or_create(
                person=person,
                skill=skills[key],
                defaults={"status": ProfileSkill.Status.CONFIRMED, "score": 0.6},
            )
            SkillEvidence.objects.create(
                profile_skill=row,
                kind=SkillEvidence.Kind.TEXT if words else SkillEvidence.Kind.MANUAL,
                text=words,
            )
        for key, words in spec["suggested"]:
            row, created = ProfileSkill.objects.get_or_create(
                person=person, skill=skills[key], defaults={"score": round(rng.uniform(0.35, 0.6), 3)}
            )
            if created:
                SkillEvidence.objects.create(profile_skill=row, kind=SkillEvidence.Kind.TEXT, text=words)
        level, field, title, institution, country, year = spec["education"]
        Education.objects.create(
            person=person,
            level=level,
            isced_field=field,
            title=title,
            institution=institution,
            country=country,
            year_completed=year,
        )
        occupation, employer, country, start, end = spec["work"]
        OccupationHeld.objects.create(
            person=person,
            occupation=occupations[occupation],
            employer=employer,
            country=country,
            start_year=start,
            end_year=end,
        )
        other = rng.choice([o for o in occupations if o != occupation])
        OccupationSuggestion.objects.get_or_create(
            person=person,
            occupation=occupations[other],
            defaults={"score": 0.4, "source": SkillEvidence.Kind.TEXT},
        )
        for code, overall, per_skill in spec["languages"]:
            LanguageSkill.objects.update_or_create(
                person=person, language=code, defaults={"level": overall, **per_skill}
            )
