"""Writes of competence profiles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from polku.competences.models import ProfileSkill, SkillEvidence
from polku.esco.models import Concept
from polku.participants.models import Person

if TYPE_CHECKING:
    from polku.accounts.models import User


@transaction.atomic
def add_confirmed_skill(
    *,
    person: Person,
    skill: Concept,
    kind: str,
    text: str = "",
    reference: str = "",
    actor: User | None = None,
) -> ProfileSkill:
    """Confirm `skill` in the person's profile (creating it, or confirming a suggestion) and record why.

    Used for evidence that proves the skill by itself, such as a completed course. Evidence with the same
    kind and reference is recorded once, so repeating an import does not pile up rows. A skill the person
    rejected earlier becomes confirmed: the new evidence is newer than the rejection.
    """
    profile_skill, _created = ProfileSkill.objects.select_for_update().get_or_create(
        person=person, skill=skill
    )
    if profile_skill.status != ProfileSkill.Status.CONFIRMED:
        profile_skill.status = ProfileSkill.Status.CONFIRMED
        profile_skill.decided_by = actor if actor is not None and actor.is_authenticated else None
        profile_skill.decided_at = timezone.now()
        profile_skill.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    if not (reference and profile_skill.evidence.filter(kind=kind, reference=reference).exists()):
        SkillEvidence.objects.create(
            profile_skill=profile_skill,
            kind=kind,
            text=text[:500],
            reference=reference,
            created_by=actor if actor is not None and actor.is_authenticated else None,
        )
    return profile_skill
