"""Privacy handlers of self-assessments (found by polku.privacy.registry by this module's name).

Export: every self-assessment of the person with the framework version, when, who recorded it, the note
and the level of each competence. Anonymisation keeps the assessments and levels (a project's before/after
deltas count them) and empties the note, the only free text. Erasure: self-assessments are the person's
own, voluntary statements and no funder indicator rests on them, so they are deleted (decision 0039).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.assessments import frameworks as fw
from polku.assessments.models import SelfAssessment
from polku.core.personal_data import Erasure, Section, records, register
from polku.participants.models import Person


def _answers(assessment: SelfAssessment) -> dict[str, int | None]:
    return {a.competence: a.level for a in assessment.answers.all()}


def _framework_name(assessment: SelfAssessment) -> str:
    framework = fw.FRAMEWORKS.get(assessment.framework_key)
    return framework.name.en if framework else assessment.framework_key


def export(person: Person) -> dict[str, Section]:
    rows = (
        SelfAssessment.objects.filter(person=person)
        .select_related("created_by", "participation__project")
        .prefetch_related("answers")
        .order_by("taken_at", "pk")
    )
    if not rows:
        return {}
    return {
        "assessments.self_assessments": records(
            gettext_lazy("Self-assessments"),
            rows,
            ("framework", "framework_version", "taken_at", "source", "note"),
            framework_name=(gettext_lazy("framework name"), _framework_name),
            recorded_by=(
                gettext_lazy("recorded by"),
                lambda row: row.created_by.email if row.created_by else "",
            ),
            project=(
                gettext_lazy("project"),
                lambda row: row.participation.project.code if row.participation else "",
            ),
            answers=(gettext_lazy("levels per competence (1–8, empty = not assessed)"), _answers),
        )
    }


def anonymise(person: Person) -> int:
    return SelfAssessment.objects.filter(person=person).exclude(note="").update(note="")


def erase(person: Person) -> Erasure:
    result = Erasure()
    count = SelfAssessment.objects.filter(person=person).count()
    if count:
        SelfAssessment.objects.filter(person=person).delete()
        result.erased.append(_("Self-assessments (%(count)s)") % {"count": count})
    return result


register("assessments", export=export, anonymise=anonymise, erase=erase)
