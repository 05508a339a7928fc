"""Privacy handlers of outcomes (found by polku.privacy.registry by this module's name).

Export: the exit situation, the six-month follow-up and dated outcomes of each participation.
Anonymisation keeps the coded facts the indicators count (situation, dates, kinds of outcome) and empties
the free text (description, evidence) and the business ID, which names a sole trader's company.
Erasure: nothing here is optional; the funder's result indicators need these rows during retention.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from polku.core.personal_data import Erasure, Section, records, register
from polku.outcomes.models import ExitRecord, FollowUp, Outcome
from polku.participants.models import Person


def export(person: Person) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    project = (gettext_lazy("project"), lambda row: row.participation.project.code)
    exits = ExitRecord.objects.filter(participation__person=person).select_related("participation__project")
    if exits:
        sections["outcomes.exit_records"] = records(
            gettext_lazy("Situation at exit"),
            exits,
            ("status", "status_on", "qualification_gained", "source"),
            project=project,
        )
    follow_ups = FollowUp.objects.filter(participation__person=person).select_related(
        "participation__project"
    )
    if follow_ups:
        sections["outcomes.follow_ups"] = records(
            gettext_lazy("Six-month follow-up"),
            follow_ups,
            (
                "due_on",
                "status",
                "labour_status",
                "permanent_contract",
                "full_time",
                "more_demanding_job",
                "answered_at",
            ),
            project=project,
        )
    outcomes = Outcome.objects.filter(participation__person=person).select_related("participation__project")
    if outcomes:
        sections["outcomes.outcomes"] = records(
            gettext_lazy("Outcomes"),
            outcomes,
            ("kind", "date", "business_id", "description", "evidence", "source"),
            project=project,
        )
    return sections


def anonymise(person: Person) -> int:
    return (
        Outcome.objects.filter(participation__person=person)
        .exclude(description="", evidence="", business_id="")
        .update(description="", evidence="", business_id="")
    )


def erase(person: Person) -> Erasure:
    result = Erasure()
    if (
        Outcome.objects.filter(participation__person=person).exists()
        or ExitRecord.objects.filter(participation__person=person).exists()
    ):
        result.kept.append(
            (
                _("Exit situation, follow-up and outcomes"),
                _("The funder's result indicators are computed from them during the retention period."),
            )
        )
    return result


register("outcomes", export=export, anonymise=anonymise, erase=erase)
