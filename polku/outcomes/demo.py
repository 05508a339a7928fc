"""Demo exits, follow-ups and outcomes, on top of the demo's participations (see polku.demo.builder).

Deterministic from the seed. The demo's projects all lie in the past, so the demo fixes its own "today"
(DEMO_TODAY): follow-ups exist for exits six months or more before it, answered, closed or still pending as
the rules would have left them on that day. Business IDs are valid (check digits computed).
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from zoneinfo import ZoneInfo

from stdnum import luhn
from stdnum.no import orgnr as no_orgnr

from polku.outcomes.models import ExitRecord, ExitStatus, FollowUp, Outcome, Source
from polku.outcomes.rules import (
    CLOSE_AFTER_DAYS,
    REMINDER_DAYS,
    follow_up_due,
    reminders_due,
    ytunnus_with_check_digit,
)
from polku.participants.models import Participation

DEMO_TODAY = dt.date(2024, 3, 15)
HELSINKI = ZoneInfo("Europe/Helsinki")
DIGIPOINT = "S21876"
RECORD_SHARE = 0.86  # of the exited demo participations (about 35 %), so about 30 % of all
STATUS_WEIGHTS = {
    ExitStatus.UNEMPLOYED: 34,
    ExitStatus.EDUCATION: 14,
    ExitStatus.EMPLOYED: 30,
    ExitStatus.SELF_EMPLOYED: 8,
    ExitStatus.NONE: 8,
    ExitStatus.DECLINED: 6,
}
COMPANIES = ("Design studio", "Cleaning company", "IT consultancy", "Restaurant", "Translation agency")
JOBS = ("Software developer", "Practical nurse", "Accountant", "Warehouse worker", "Project coordinator")


def _business_id(country: str, n: int) -> str:
    if country == "SE":
        body = f"55{n % 10_000_000:07d}"
        return f"{body[:6]}-{body[6:]}{luhn.calc_check_digit(body)}"
    if country == "NO":
        # python-stdnum has no check-digit helper for Norway: take the digit that validates (mod 11;
        # bodies with none are skipped).
        number = 91_000_000 + n * 7
        while True:
            body = str(number)
            for check in "0123456789":
                if no_orgnr.is_valid(body + check):
                    return no_orgnr.format(body + check)
            number += 1
    return ytunnus_with_check_digit(3_100_000 + n * 13)


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9), tzinfo=HELSINKI) + dt.timedelta(minutes=rng.randint(0, 600))


def populate(*, seed: int) -> None:
    rng = random.Random(seed * 7 + 5)
    rows = list(
        Participation.objects.select_related("project", "partner", "entry_data")
        .order_by("pk")
        .only(
            "id",
            "entry_date",
            "exit_date",
            "project__code",
            "partner__country",
            "entry_data__labour_status",
        )
    )
    records: list[ExitRecord] = []
    follow_ups: list[FollowUp] = []
    outcomes: list[Outcome] = []
    companies = 0
    for participation in rows:
        exit_date = participation.exit_date
        code = participation.project.code
        if exit_date is None or exit_date > DEMO_TODAY:
            if code == DIGIPOINT and rng.random() < 0.2:
                day = participation.entry_date + dt.timedelta(days=rng.randint(30, 300))
                if day <= DEMO_TODAY:
                    outcomes.append(_outcome(participation, Outcome.Kind.STUDIES_STARTED, day, rng))
            continue
        if rng.random() >= RECORD_SHARE:
            continue
        status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        if code == DIGIPOINT and status == ExitStatus.UNEMPLOYED and rng.random() < 0.4:
            status = ExitStatus.EDUCATION
        late = rng.random() < 0.05  # situation known only later than four weeks: stored, not counted
        status_on = None
        if status != ExitStatus.DECLINED:
            status_on = exit_date + dt.timedelta(days=rng.randint(35, 60) if late else rng.randint(0, 20))
        records.append(
            ExitRecord(
                participation=participation,
                status=status,
                status_on=status_on,
                qualification_gained=rng.choices(("yes", "no", "declined", ""), weights=(30, 55, 8, 7))[0],
                source=Source.PARTICIPANT if rng.random() < 0.35 else Source.COORDINATOR,
            )
        )
        day = min(status_on or exit_date, DEMO_TODAY)
        if status == ExitStatus.EMPLOYED:
            outcomes.append(_outcome(participation, Outcome.Kind.JOB, day, rng, rng.choice(JOBS)))
        elif status == ExitStatus.SELF_EMPLOYED:
            companies += 1
            outcome = _outcome(participation, Outcome.Kind.COMPANY_FOUNDED, day, rng, rng.choice(COMPANIES))
            outcome.business_id = _business_id(participation.partner.country, companies)
            outcomes.append(outcome)
        elif status == ExitStatus.EDUCATION:
            outcomes.append(_outcome(participation, Outcome.Kind.STUDIES_STARTED, day, rng))
        if rng.random() < 0.15:
            start = participation.entry_date + dt.timedelta(days=rng.randint(0, 30))
            if start <= exit_date:
                outcomes.append(_outcome(participation, Outcome.Kind.INTERNSHIP_STARTED, start, rng))
        follow_up = _follow_up(participation, exit_date, rng)
        if follow_up is not None:
            follow_ups.append(follow_up)
    ExitRecord.objects.bulk_create(records, batch_size=2000)
    FollowUp.objects.bulk_create(follow_ups, batch_size=2000)
    Outcome.objects.bulk_create(outcomes, batch_size=2000)


def _outcome(
    participation: Participation, kind: str, day: dt.date, rng: random.Random, description: str = ""
) -> Outcome:
    return Outcome(
        participation=participation,
        kind=kind,
        date=max(day, participation.entry_date),
        description=description,
        evidence=rng.choice(("Employment contract seen", "Certificate", "Trade register extract", ""))
        if kind in (Outcome.Kind.JOB, Outcome.Kind.COMPANY_FOUNDED)
        else "",
        source=Source.COORDINATOR if rng.random() < 0.7 else Source.PARTICIPANT,
    )


def _follow_up(participation: Participation, exit_date: dt.date, rng: random.Random) -> FollowUp | None:
    due = follow_up_due(exit_date)
    if due > DEMO_TODAY:
        return None
    follow_up = FollowUp(participation=participation, due_on=due, token=secrets.token_urlsafe(32))
    answer_after = rng.randint(0, CLOSE_AFTER_DAYS + 30)  # beyond the window: never answered
    answered_on = due + dt.timedelta(days=answer_after)
    if answer_after < CLOSE_AFTER_DAYS and answered_on <= DEMO_TODAY:
        follow_up.status = FollowUp.Status.ANSWERED
        follow_up.answered_at = _at(answered_on, rng)
        follow_up.source = Source.PARTICIPANT if rng.random() < 0.8 else Source.COORDINATOR
        follow_up.labour_status = rng.choices(list(STATUS_WEIGHTS), weights=(25, 12, 42, 10, 6, 5))[0]
        entry = getattr(participation, "entry_data", None)
        if entry is not None and entry.labour_status in ("employed", "self_employed"):
            for item in ("permanent_contract", "full_time", "more_demanding_job"):
                setattr(follow_up, item, rng.choices(("yes", "no", "declined"), weights=(35, 55, 10))[0])
        last = answered_on
    elif due + dt.timedelta(days=CLOSE_AFTER_DAYS) <= DEMO_TODAY:
        follow_up.status = FollowUp.Status.CLOSED
        last = DEMO_TODAY
    else:
        last = DEMO_TODAY
    sent = reminders_due(sent_on=due, today=last)
    follow_up.reminders_sent = sent
    if sent:
        follow_up.last_reminded_at = _at(due + dt.timedelta(days=REMINDER_DAYS[sent - 1]), rng)
    return follow_up
