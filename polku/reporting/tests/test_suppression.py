"""Small-cell suppression: primary and secondary rules, checked exhaustively on small rows."""

from __future__ import annotations

import itertools

import pytest

from polku.reporting.suppression import hide_small, suppress, suppress_row


def test_primary_hides_small_cells_and_shows_zero():
    assert hide_small(0) == 0
    assert hide_small(1) is None
    assert hide_small(4) is None
    assert hide_small(5) == 5


def test_nothing_hidden_when_every_cell_is_large_or_zero():
    assert suppress_row([30, 10, 20, 0, 0]) == [30, 10, 20, 0, 0]


def test_one_small_cell_takes_the_next_smallest_with_it():
    # 3 non-binary alone would be 40 - 20 - 17; the 17 is hidden too.
    assert suppress_row([40, 20, 17, 3, 0]) == [40, 20, None, None, 0]


def test_two_small_cells_that_add_up_below_the_threshold_are_not_enough():
    # 1 + 1 = 2 hidden from a visible total: both would be known to be 1.
    assert suppress_row([22, 10, 10, 1, 1]) == [22, None, 10, None, None]


def test_a_small_total_hides_its_non_zero_cells():
    assert suppress_row([3, 3, 0, 0, 0]) == [None, None, 0, 0, 0]
    assert suppress_row([4, 2, 2, 0, 0]) == [None, None, None, 0, 0]


def test_the_breakdown_must_add_up():
    with pytest.raises(ValueError):
        suppress_row([5, 1, 1, 1, 1])


def test_extra_columns_get_primary_suppression_only():
    assert suppress([[10, 5, 5, 0, 0, 2]], extra=1) == [[10, 5, 5, 0, 0, None]]


def test_threshold_is_configurable():
    assert suppress_row([12, 9, 3, 0, 0], threshold=3) == [12, 9, 3, 0, 0]
    assert suppress_row([12, 9, 3, 0, 0], threshold=10) == [12, None, None, 0, 0]


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
