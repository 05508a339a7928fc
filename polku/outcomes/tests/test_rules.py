import datetime as dt

import pytest
from stdnum.fi import ytunnus

from polku.outcomes import rules


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 8, 31), dt.date(2026, 2, 28)),
        (dt.date(2023, 8, 31), dt.date(2024, 2, 29)),
        (dt.date(2025, 1, 15), dt.date(2025, 7, 15)),
        (dt.date(2025, 7, 31), dt.date(2026, 1, 31)),
        (dt.date(2025, 12, 31), dt.date(2026, 6, 30)),
    ],
)
def test_six_months_after_exit_lands_on_the_last_day_of_a_shorter_month(day, expected):
    assert rules.follow_up_due(day) == expected


def test_immediate_window_is_four_weeks():
    exit_date = dt.date(2025, 6, 30)
    assert rules.within_immediate_window(exit_date, dt.date(2025, 7, 28)) is True
    assert rules.within_immediate_window(exit_date, dt.date(2025, 7, 29)) is False
    assert rules.within_immediate_window(exit_date, None) is None


def test_reminders_and_closing():
    sent = dt.date(2025, 1, 1)
    assert rules.reminders_due(sent_on=sent, today=dt.date(2025, 1, 14)) == 0
    assert rules.reminders_due(sent_on=sent, today=dt.date(2025, 1, 15)) == 1
    assert rules.reminders_due(sent_on=sent, today=dt.date(2025, 1, 29)) == 2
    assert rules.closes_on(sent) == dt.date(2025, 3, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0101263-6", ("FI", "0101263-6")),
        ("01012636", ("FI", "0101263-6")),
        ("556036-0793", ("SE", "556036-0793")),
        ("988077917", ("NO", "988 077 917")),
        ("0101263-7", None),
        ("", None),
    ],
)
def test_business_ids_of_finland_sweden_and_norway(value, expected):
    assert rules.business_id_normalise(value) == expected


def test_computed_check_digits_are_valid():
    for base in range(3000000, 3000040):
        assert ytunnus.is_valid(rules.ytunnus_with_check_digit(base))
