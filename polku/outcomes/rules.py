"""The timing and format rules of outcomes, as plain functions (dates and strings in, dates and strings out).

Kept free of the database so that the services, the scheduled job, the demo and the tests share one
definition of "six months after exit", "within four weeks" and "a valid business ID".
"""

from __future__ import annotations

import calendar
import datetime as dt

# one helper of organisations for every business ID of Polku, named here for the outcome rules
from polku.organisations.business_ids import business_id_normalise as business_id_normalise

FOLLOW_UP_MONTHS = 6
# ESF+ immediate results (EECR01–EECR05) count a situation that applies within four weeks of exit.
IMMEDIATE_WINDOW = dt.timedelta(weeks=4)
REMINDER_DAYS = (14, 28)  # after the request was sent
CLOSE_AFTER_DAYS = 60  # after the request was sent, without an answer


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the last day of a shorter month (31 Aug + 6 months = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def follow_up_due(exit_date: dt.date) -> dt.date:
    return add_months(exit_date, FOLLOW_UP_MONTHS)


def within_immediate_window(exit_date: dt.date | None, status_on: dt.date | None) -> bool | None:
    """Whether the situation counts as an immediate result; None when there is no date to judge by."""
    if exit_date is None or status_on is None:
        return None
    return exit_date <= status_on <= exit_date + IMMEDIATE_WINDOW


def reminders_due(*, sent_on: dt.date, today: dt.date) -> int:
    """How many reminders should have gone out by `today` for a request sent on `sent_on`."""
    return sum(1 for days in REMINDER_DAYS if today >= sent_on + dt.timedelta(days=days))


def closes_on(sent_on: dt.date) -> dt.date:
    return sent_on + dt.timedelta(days=CLOSE_AFTER_DAYS)


def ytunnus_with_check_digit(base: int) -> str:
    """The Finnish business ID of a 7-digit `base` with its check digit; bases without one move up.

    The check digit is 11 minus the weighted sum (weights 7, 9, 10, 5, 8, 4, 2) modulo 11, 0 when the
    remainder is 0, and a remainder of 1 has no digit (such numbers are never issued).
    """
    weights = (7, 9, 10, 5, 8, 4, 2)
    number = base
    while True:
        digits = f"{number:07d}"
        remainder = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        if remainder != 1:
            return f"{digits}-{0 if remainder == 0 else 11 - remainder}"
        number += 1
