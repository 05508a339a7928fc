"""Reads of competence profiles."""

from __future__ import annotations

from django.db.models import QuerySet

from polku.competences.models import ProfileSkill
from polku.participants.models import Person


def confirmed_skills(person: Person) -> QuerySet[ProfileSkill]:
    """The person's confirmed skills (what gap analysis and matching count), with their concepts."""
    return ProfileSkill.objects.filter(person=person, status=ProfileSkill.Status.CONFIRMED).select_related(
        "skill"
    )


def confirmed_skill_uris(person: Person) -> set[str]:
    return set(confirmed_skills(person).values_list("skill__uri", flat=True))
