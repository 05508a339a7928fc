"""Privacy handlers of competence profiles (found by polku.privacy.registry by this module's name).

Export: every profile skill (confirmed, suggested, rejected) with its evidence, education, occupations held
and suggested, and the per-skill levels of the person's languages (the overall level is the foundation's).
Anonymisation keeps the coded facts that statistics may count (ESCO skills and occupations, ISCED level and
field, countries and years) and empties the free text: evidence words, degree titles and institutions, job
titles and employers; a queued text is dropped.
Erasure: the competence profile is the person's own, optional data, so all of it is erased (skills with
their evidence, education, occupations held and suggested, queued texts); languages are erased by the
foundation.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.competences.models import (
    Education,
    OccupationHeld,
    OccupationSuggestion,
    ProfileSkill,
    SkillEvidence,
    SuggestionJob,
)
from polku.core.personal_data import Erasure, Section, records, register
from polku.participants.models import LanguageSkill, Person


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    skills = ProfileSkill.objects.filter(person=person).select_related("skill").prefetch_related("evidence")
    if skills:
        sections["competences.skills"] = records(
            gettext_lazy("Skills in the competence profile"),
            skills,
            ("status", "score", "decided_at", "created_at"),
            skill=(gettext_lazy("ESCO skill"), lambda s: s.skill.uri),
            evidence=(
                gettext_lazy("evidence"),
                lambda s: [f"{e.get_kind_display()}: {e.text}".rstrip(": ") for e in s.evidence.all()],
            ),
        )
    educations = Education.objects.filter(person=person)
    if educations:
        sections["competences.education"] = records(
            gettext_lazy("Education"),
            educations,
            ("level", "isced_field", "title", "institution", "country", "year_completed"),
        )
    held = OccupationHeld.objects.filter(person=person).select_related("occupation")
    if held:
        sections["competences.occupations"] = records(
            gettext_lazy("Occupations held"),
            held,
            ("title", "employer", "country", "start_year", "end_year"),
            occupation=(gettext_lazy("ESCO occupation"), lambda o: o.occupation.uri if o.occupation else ""),
        )
    suggested = OccupationSuggestion.objects.filter(person=person).select_related("occupation")
    if suggested:
        sections["competences.occupation_suggestions"] = records(
            gettext_lazy("Suggested occupations"),
            suggested,
            ("status", "score", "evidence", "source", "decided_at"),
            occupation=(gettext_lazy("ESCO occupation"), lambda o: o.occupation.uri),
        )
    languages = [
        lang
        for lang in LanguageSkill.objects.filter(person=person)
        if any(getattr(lang, n) for n in LanguageSkill.SKILL_FIELDS)
    ]
    if languages:
        sections["competences.language_levels"] = records(
            gettext_lazy("Language levels per skill"), languages, ("language", *LanguageSkill.SKILL_FIELDS)
        )
    return sections


def anonymise(person: Person) -> int:
    changed = SkillEvidence.objects.filter(profile_skill__person=person).exclude(text="").update(text="")
    changed += (
        Education.objects.filter(person=person)
        .exclude(title="", institution="")
        .update(title="", institution="")
    )
    # A job title alone names the occupation: keep the row only when it has an ESCO occupation.
    changed += OccupationHeld.objects.filter(person=person, occupation__isnull=True).delete()[0]
    changed += (
        OccupationHeld.objects.filter(person=person)
        .exclude(title="", employer="")
        .update(title="", employer="")
    )
    changed += OccupationSuggestion.objects.filter(person=person).exclude(evidence="").update(evidence="")
    changed += SuggestionJob.objects.filter(person=person).delete()[0]
    return changed


def erase(person: Person) -> Erasure:
    result = Erasure()
    skills = ProfileSkill.objects.filter(person=person).count()
    if skills:
        ProfileSkill.objects.filter(person=person).delete()
        result.erased.append(
            _("Skills of the competence profile, with their evidence (%(count)s)") % {"count": skills}
        )
    educations = Education.objects.filter(person=person).delete()[0]
    if educations:
        result.erased.append(_("Education (%(count)s)") % {"count": educations})
    held = OccupationHeld.objects.filter(person=person).delete()[0]
    held += OccupationSuggestion.objects.filter(person=person).delete()[0]
    if held:
        result.erased.append(_("Occupations held and suggested (%(count)s)") % {"count": held})
    SuggestionJob.objects.filter(person=person).delete()
    return result


register("competences", export=export, anonymise=anonymise, erase=erase)
