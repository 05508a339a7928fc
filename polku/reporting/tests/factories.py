"""Participations with the raw facts indicators read: entry data, exit record, follow-up."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from polku.outcomes.models import ExitRecord, FollowUp
from polku.participants.models import EntryData, Participation
from polku.projects.models import Partner
from polku.testing import factories as f

ENTRY = dt.date(2025, 3, 1)
EXIT = dt.date(2025, 6, 30)

# A complete, neutral entry: a man aged 35, employed, ISCED 6, Finnish, every yes/no item "no".
NEUTRAL: dict[str, Any] = {
    "date_of_birth": dt.date(1990, 1, 15),
    "gender": "man",
    "labour_status": "employed",
    "unemployed_since": None,
    "education": "6",
    "citizenship": "fi",
    "foreign_background": "no",
    "homeless": "no",
    "rural": "no",
    "disability": "no",
    "minority": "no",
}


def participant(
    partner: Partner,
    *,
    entry_date: dt.date = ENTRY,
    exit_date: dt.date | None = None,
    exit: dict[str, Any] | None = None,
    follow_up: dict[str, Any] | None = None,
    **facts: Any,
) -> Participation:
    participation = f.ParticipationFactory(
        partner=partner, entry_date=entry_date, exit_date=exit_date, entry_data=None
    )
    EntryData.objects.create(participation=participation, asked=list(EntryData.ITEMS), **(NEUTRAL | facts))
    if exit is not None:
        ExitRecord.objects.create(participation=participation, source="coordinator", **exit)
    if follow_up is not None:
        FollowUp.objects.create(
            participation=participation,
            due_on=(exit_date or ENTRY) + dt.timedelta(days=183),
            token=secrets.token_urlsafe(16),
            **follow_up,
        )
    return participation
