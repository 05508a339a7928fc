"""Completions read from a MOOC platform's CSV export (`polku.learning.mooc_csv`): rows matched by e-mail to
the partner's participants and by course to the catalogue, previewed, then recorded as completions
(`services.completions`); re-importing the same file changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from polku.accounts.access import Access
from polku.accounts.models import User
from polku.core.errors import AccessDenied, ApplicationError
from polku.core.tabular import ImportFileError
from polku.learning import mooc_csv
from polku.learning.models import Completion, LearningOpportunity
from polku.learning.services.common import check_upload_size
from polku.learning.services.completions import completion_record
from polku.participants.models import Participation, Person
from polku.projects.models import Partner


@dataclass
class MoocRow:
    number: int
    email: str
    course: str
    completed_on: dt.date | None
    grade: str
    status: str = "matched"  # matched | unmatched-person | unmatched-course | invalid | recorded | already
    message: str = ""
    person_id: int | None = None
    opportunity_id: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "row": self.number,
            "email": self.email,
            "course": self.course,
            "completed_on": self.completed_on.isoformat() if self.completed_on else None,
            "grade": self.grade,
            "status": self.status,
            "message": self.message,
        }


def mooc_import(
    *,
    access: Access,
    actor: User | None,
    partner: Partner,
    content: bytes,
    mapping: dict[str, str] | None = None,
    dry_run: bool = False,
) -> list[MoocRow]:
    """Completions from a MOOC platform's CSV export, matched by e-mail to the partner's participants and
    by course id, code or web address to the catalogue. Unmatched rows are reported and skipped; matched
    ones are recorded (unless `dry_run`); a row already recorded is reported as such, so re-importing
    the same file changes nothing."""
    if not access.can_manage_partner(partner.pk):
        raise AccessDenied(_("You can import completions only for your own partner organisation."))
    check_upload_size(content)
    try:
        table = mooc_csv.read(content, mapping=mapping)
    except ImportFileError as error:
        raise ApplicationError(error.message, field_errors={"file": [error.message]}) from error
    emails = {r["email"].lower() for r in table if r["email"]}
    people: dict[str, int] = {}
    for person_id, email in Participation.objects.filter(
        partner=partner, person__email__in=[e for e in emails], person__anonymised_at__isnull=True
    ).values_list("person_id", "person__email"):
        people.setdefault(email.lower(), person_id)
    if len(people) < len(emails):  # e-mail case differs in the register
        for person_id, email in Participation.objects.filter(partner=partner).values_list(
            "person_id", "person__email"
        ):
            if email and email.lower() in emails:
                people.setdefault(email.lower(), person_id)
    catalogue = mooc_csv.course_index(
        LearningOpportunity.objects.filter(
            Q(project_id=partner.project_id) | Q(project__isnull=True, partner__isnull=True)
        )
    )
    rows: list[MoocRow] = []
    for raw in table:
        row = MoocRow(
            number=raw["row"],
            email=raw["email"],
            course=raw["course"],
            completed_on=raw["completed_on"],
            grade=raw["grade"],
        )
        rows.append(row)
        if row.completed_on is None:
            row.status, row.message = "invalid", _("The completion date is missing or not a date.")
            continue
        row.person_id = people.get(row.email.lower())
        if row.person_id is None:
            row.status, row.message = (
                "unmatched-person",
                _("No participant of your partner has this e-mail address."),
            )
            continue
        row.opportunity_id = catalogue.get(mooc_csv.course_key(row.course))
        if row.opportunity_id is None:
            row.status, row.message = (
                "unmatched-course",
                _("No opportunity in the catalogue has this course id or address."),
            )
            continue
    if dry_run:
        done = set(
            Completion.objects.filter(person_id__in=[r.person_id for r in rows if r.person_id]).values_list(
                "person_id", "opportunity_id"
            )
        )
        for row in rows:
            if row.status == "matched" and (row.person_id, row.opportunity_id) in done:
                row.status, row.message = "already", _("Already recorded.")
        return rows
    with transaction.atomic():
        persons = Person.objects.in_bulk([r.person_id for r in rows if r.status == "matched"])
        opportunities = LearningOpportunity.objects.in_bulk(
            [r.opportunity_id for r in rows if r.status == "matched"]
        )
        for row in rows:
            if row.status != "matched":
                continue
            assert (
                row.person_id is not None and row.opportunity_id is not None and row.completed_on is not None
            )
            try:
                _completion, created = completion_record(
                    access=access,
                    actor=actor,
                    person=persons[row.person_id],
                    opportunity=opportunities[row.opportunity_id],
                    completed_on=row.completed_on,
                    grade=row.grade,
                    note=_("Imported from a MOOC platform"),
                    source=Completion.Source.IMPORT,
                )
            except ApplicationError as error:
                row.status, row.message = "invalid", error.message
                continue
            row.status, row.message = (
                ("recorded", _("Recorded.")) if created else ("already", _("Already recorded."))
            )
    return rows


def mooc_summary(rows: Sequence[MoocRow]) -> dict[str, int]:
    summary: dict[str, int] = {}
    for row in rows:
        summary[row.status] = summary.get(row.status, 0) + 1
    return summary
