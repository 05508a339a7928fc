"""Test data for self-assessments: one call per assessment, with levels given per competence number."""

from __future__ import annotations

import datetime as dt

from polku.assessments import frameworks as fw
from polku.assessments.models import Answer, SelfAssessment
from polku.participants.models import Person

T0 = dt.datetime(2025, 1, 15, 10, 0, tzinfo=dt.UTC)


def assessment(
    person: Person,
    *,
    framework: str = "digcomp",
    level: int | None = 3,
    levels: dict[str, int | None] | None = None,
    days: int = 0,
    note: str = "",
    participation=None,
) -> SelfAssessment:
    """An assessment `days` after T0: every competence at `level`, except numbers given in `levels`
    ({"1.1": 5, "2.3": None})."""
    chosen = fw.framework(framework)
    row = SelfAssessment.objects.create(
        person=person,
        framework=chosen.code,
        framework_version=chosen.version,
        taken_at=T0 + dt.timedelta(days=days),
        note=note,
        participation=participation,
    )
    given = levels or {}
    Answer.objects.bulk_create(
        [
            Answer(assessment=row, competence=c.code, level=given.get(c.number, level))
            for c in chosen.competences
        ]
    )
    return row
