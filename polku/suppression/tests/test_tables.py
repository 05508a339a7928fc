"""Rows and partners' tables: primary and secondary rules, checked exhaustively on small rows and on
random partner tables (moved from polku/reporting/tests/test_suppression.py)."""

from __future__ import annotations

import itertools
import random

import pytest

from polku.suppression import hide_small, suppress, suppress_partners, suppress_row


def test_primary_hides_small_cells_and_shows_zero():
    assert hide_small(0, threshold=5) == 0
    assert hide_small(1, threshold=5) is None
    assert hide_small(4, threshold=5) is None
    assert hide_small(5, threshold=5) == 5


def test_nothing_hidden_when_every_cell_is_large_or_zero():
    assert suppress_row([30, 10, 20, 0, 0], threshold=5) == [30, 10, 20, 0, 0]


def test_one_small_cell_takes_the_next_smallest_with_it():
    # 3 non-binary alone would be 40 - 20 - 17; the 17 is hidden too.
    assert suppress_row([40, 20, 17, 3, 0], threshold=5) == [40, 20, None, None, 0]


def test_two_small_cells_that_add_up_below_the_threshold_are_not_enough():
    # 1 + 1 = 2 hidden from a visible total: both would be known to be 1.
    assert suppress_row([22, 10, 10, 1, 1], threshold=5) == [22, None, 10, None, None]


def test_a_small_total_hides_its_non_zero_cells():
    assert suppress_row([3, 3, 0, 0, 0], threshold=5) == [None, None, 0, 0, 0]
    assert suppress_row([4, 2, 2, 0, 0], threshold=5) == [None, None, None, 0, 0]


def test_the_breakdown_must_add_up():
    with pytest.raises(ValueError):
        suppress_row([5, 1, 1, 1, 1], threshold=5)


def test_extra_columns_get_primary_suppression_only():
    assert suppress([[10, 5, 5, 0, 0, 2]], threshold=5, extra=1) == [[10, 5, 5, 0, 0, None]]


def test_threshold_is_configurable():
    assert suppress_row([12, 9, 3, 0, 0], threshold=3) == [12, 9, 3, 0, 0]
    assert suppress_row([12, 9, 3, 0, 0], threshold=10) == [12, None, None, 0, 0]


def test_the_threshold_is_at_least_one():
    for call in (
        lambda: suppress_row([1, 1], threshold=0),
        lambda: suppress([[1, 1]], threshold=0),
        lambda: suppress_partners({1: [[1, 1]]}, threshold=0),
        lambda: hide_small(1, threshold=0),
    ):
        with pytest.raises(ValueError):
            call()


@pytest.mark.parametrize("threshold", [2, 3, 5])
def test_no_hidden_cell_can_be_worked_out_from_its_row(threshold):
    """Every row of four cells from 0 to 7: small cells hidden, and no hidden cell recoverable."""
    for parts in itertools.product(range(8), repeat=4):
        row = [sum(parts), *parts]
        out = suppress_row(row, threshold=threshold)
        hidden = [i for i, v in enumerate(out) if v is None]
        for i, value in enumerate(row):
            if 0 < value < threshold:
                assert out[i] is None, (row, out)
            if out[i] is not None:
                assert out[i] == value
        assert len(hidden) != 1, (row, out)
        if out[0] is not None and hidden:
            assert sum(row[i] for i in hidden) >= threshold, (row, out)


def _row(*parts: int, unanswered: int = 0) -> list[int]:
    return [sum(parts), *parts, unanswered]


def test_a_partners_hidden_cell_cannot_be_subtracted_from_the_projects_table():
    # women: partner A 3 (hidden), partner B 10, project 13 → 13 − 10 would give A's 3
    tables = {"A": [_row(3, 7, 0, 0)], "B": [_row(10, 6, 0, 0)]}
    project, partners = suppress_partners(tables, threshold=5, extra=1)
    assert partners["A"][0][1] is None
    assert partners["B"][0][1] is None or project[0][1] is None
    # row by row alone, B's 10 and the project's 13 would both be shown
    assert suppress(tables["B"], threshold=5, extra=1)[0][1] == 10
    assert suppress([_row(13, 13, 0, 0)], threshold=5, extra=1)[0][1] == 13


def test_partners_without_small_cells_are_untouched_and_the_project_is_their_sum():
    tables = {1: [_row(5, 6, 0, 0, unanswered=2)], 2: [_row(7, 8, 0, 0, unanswered=9)]}
    project, partners = suppress_partners(tables, threshold=5, extra=1)
    assert project == [[26, 12, 14, 0, 0, 11]]
    # `unanswered` is outside the sums: primary suppression only
    assert partners == {1: [[11, 5, 6, 0, 0, None]], 2: [[15, 7, 8, 0, 0, 9]]}


@pytest.mark.parametrize("threshold", [3, 5])
def test_no_hidden_cell_can_be_worked_out_from_any_row_or_partner_column(threshold):
    rng = random.Random(threshold)
    for _case in range(400):
        n_partners = rng.choice((1, 2, 3, 4))
        exact = {
            p: [
                _row(*(rng.choice((0, 0, 1, 2, 3, 4, 6, 9)) for _g in range(4)), unanswered=rng.randint(0, 6))
            ]
            for p in range(n_partners)
        }
        for _more in range(rng.randint(0, 2)):
            for p in exact:
                exact[p].append(_row(*(rng.choice((0, 1, 2, 5, 8)) for _g in range(4))))
        project, partners = suppress_partners(exact, threshold=threshold, extra=1)
        total = [[sum(exact[p][r][c] for p in exact) for c in range(6)] for r in range(len(exact[0]))]
        values = [total, *(exact[p] for p in exact)]
        shown = [project, *(partners[p] for p in exact)]
        for value_m, shown_m in zip(values, shown, strict=True):
            for value_row, shown_row in zip(value_m, shown_m, strict=True):
                for v, s in zip(value_row, shown_row, strict=True):
                    assert s is None if 0 < v < threshold else s in (None, v)
        # every sum (row of a table, or project cell = partners' cells): never exactly one hidden member,
        # and hidden parts under a visible total add up to the threshold or more
        sums = []
        for m in range(len(values)):
            for r in range(len(values[m])):
                sums.append([(m, r, c) for c in range(5)])
        for r in range(len(total)):
            for c in range(5):
                sums.append([(m, r, c) for m in range(len(values))])
        for members in sums:
            hidden = [x for x in members if shown[x[0]][x[1]][x[2]] is None]
            assert len(hidden) != 1, (exact, shown, members)
            head = members[0]
            if hidden and shown[head[0]][head[1]][head[2]] is not None:
                assert sum(values[m][r][c] for m, r, c in hidden) >= threshold, (exact, shown, members)


def test_partner_tables_must_have_the_same_shape():
    with pytest.raises(ValueError):
        suppress_partners({1: [_row(1, 2, 0, 0)], 2: [_row(1, 2, 0, 0), _row(0, 0, 0, 0)]}, threshold=5)
