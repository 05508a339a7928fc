"""Reads of competence profiles."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import Http404

from polku.accounts.access import Access
from polku.audit.services import audit_staff_read
from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
    SuggestionJob,
)
from polku.competences.sections import profile_sections
from polku.core.sections import Section
from polku.esco.selectors import preferred_labels
from polku.participants.models import LanguageSkill, Person
from polku.participants.selectors import reading_partner_id

if TYPE_CHECKING:
    from polku.accounts.models import User


def confirmed_skills(person: Person) -> QuerySet[ProfileSkill]:
    """The person's confirmed skills (what gap analysis and matching count), with their concepts."""
    return ProfileSkill.objects.filter(person=person, status=ProfileSkill.Status.CONFIRMED).select_related(
        "skill"
    )


def confirmed_skill_uris(person: Person) -> set[str]:
    return set(confirmed_skills(person).values_list("skill__uri", flat=True))


# --- the profile, through the reader's access ------------------------------------------------------------


def is_own(access: Access, person: Person) -> bool:
    return access.person_id == person.pk


@dataclass
class SkillRow:
    profile_skill: ProfileSkill
    label: str
    evidence: list[SkillEvidence]


@dataclass
class OccupationRow:
    held: OccupationHeld
    label: str


@dataclass
class SuggestedOccupationRow:
    suggestion: OccupationSuggestion
    label: str


@dataclass
class Profile:
    person: Person
    confirmed: list[SkillRow]
    suggested: list[SkillRow]
    rejected_count: int
    languages: list[LanguageSkill]
    educations: list[Education]
    occupations: list[OccupationRow]
    occupation_suggestions: list[SuggestedOccupationRow]
    sections: list[Section] = field(default_factory=list)


def skill_rows(person: Person, status: str, language: str) -> list[SkillRow]:
    """The person's skills of one status with their labels in `language` and their evidence, in two queries
    plus one for the labels."""
    rows = list(
        ProfileSkill.objects.filter(person=person, status=status)
        .select_related("skill")
        .prefetch_related("evidence")
        .order_by("-score", "id")
    )
    labels = preferred_labels([r.skill_id for r in rows], language)
    result = [
        SkillRow(profile_skill=r, label=labels.get(r.skill_id, r.skill.uri), evidence=list(r.evidence.all()))
        for r in rows
    ]
    if status == ProfileSkill.Status.CONFIRMED:
        result.sort(key=lambda row: row.label.lower())
    return result


def occupation_rows(person: Person, language: str) -> list[OccupationRow]:
    held = list(OccupationHeld.objects.filter(person=person).select_related("occupation"))
    labels = preferred_labels([h.occupation_id for h in held if h.occupation_id], language)
    return [OccupationRow(held=h, label=h.title or labels.get(h.occupation_id or 0, "")) for h in held]


def occupation_suggestion_rows(person: Person, language: str) -> list[SuggestedOccupationRow]:
    rows = list(
        OccupationSuggestion.objects.filter(person=person, status=OccupationSuggestion.Status.SUGGESTED)
    )
    labels = preferred_labels([r.occupation_id for r in rows], language)
    return [SuggestedOccupationRow(suggestion=r, label=labels.get(r.occupation_id, "")) for r in rows]


def profile(*, access: Access, person: Person, actor: User, language: str, request: Any = None) -> Profile:
    """The whole profile of a person the reader may see (check with participants.selectors.visible_person first); a staff read
    is written to the audit log."""
    result = Profile(
        person=person,
        confirmed=skill_rows(person, ProfileSkill.Status.CONFIRMED, language),
        suggested=skill_rows(person, ProfileSkill.Status.SUGGESTED, language),
        rejected_count=ProfileSkill.objects.filter(
            person=person, status=ProfileSkill.Status.REJECTED
        ).count(),
        languages=list(LanguageSkill.objects.filter(person=person)),
        educations=list(Education.objects.filter(person=person)),
        occupations=occupation_rows(person, language),
        occupation_suggestions=occupation_suggestion_rows(person, language),
    )
    result.sections = profile_sections.sections(person=person, access=access, request=request)["main"]
    audit_staff_read(
        actor=actor,
        obj=person,
        person_id=person.pk,
        partner_id=reading_partner_id(access=access, person_id=person.pk),
        fields=["competence_profile"],
    )
    return result


def job_get(*, person: Person, pk: int) -> SuggestionJob:
    job = SuggestionJob.objects.filter(person=person, pk=pk).first()
    if job is None:
        raise Http404
    return job
