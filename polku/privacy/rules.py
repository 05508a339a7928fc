"""The date rules of retention and anonymisation, as plain functions of dates (no database)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def keep_until(*, last_payment_on: dt.date, retention_years: int) -> dt.date:
    """The last day personal data are kept: 31 December of the year of the last payment plus the period.

    A last payment on 2027-03-15 with five years keeps the data to 2032-12-31; they are due from 2033-01-01.
    """
    return dt.date(last_payment_on.year + retention_years, 12, 31)


def is_due(*, keep_until_on: dt.date, today: dt.date, legal_hold: bool) -> bool:
    return not legal_hold and today > keep_until_on


def age_on(birth: dt.date, day: dt.date) -> int:
    """Age in completed years on `day` (the way ESF+ age bands at entry are counted)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def generalised_birth_date(birth: dt.date, entry_dates: Iterable[dt.date]) -> dt.date:
    """A date of birth that gives exactly the same age on every entry date, but no longer the birthday.

    For one entry date E and age A, every birth date in (E − (A+1) years, E − A years] gives age A on E; the
    latest one, E − A years, says no more than the age at entry and the entry date, which the indicators
    already use. For several entry dates the latest date that keeps every age is the earliest of these
    bounds (the true birth date lies in every interval, so the earliest upper bound does too).
    Without entry dates the birth date is coarsened to 1 January of its year.
    """
    entries = list(entry_dates)
    if not entries:
        return dt.date(birth.year, 1, 1)
    return min(_years_before(day, age_on(birth, day)) for day in entries)
