"""Cells and equations: the one implementation of primary and secondary suppression (the first two tests
moved from polku/dashboards/tests/test_dashboard.py)."""

from __future__ import annotations

import random

import pytest

from polku.suppression import Figure, hidden_cells, publish


def test_primary_and_secondary_suppression():
    cells = {"total": 12, "a": 3, "b": 9}
    assert hidden_cells(cells, [("total", ["a", "b"])], threshold=5) == {"a", "b"}
    assert hidden_cells({"total": 20, "a": 10, "b": 10}, [("total", ["a", "b"])], threshold=5) == set()
    # zero is shown; the smallest non-zero visible cell goes with a small one
    cells = {"t": 17, "a": 2, "b": 0, "c": 6, "d": 9}
    assert hidden_cells(cells, [("t", ["a", "b", "c", "d"])], threshold=5) == {"a", "c"}
    assert publish(cells, [("t", ["a", "b", "c", "d"])], exact=True, threshold=5)["a"].value == 2


def test_nested_equations_reach_a_fixpoint():
    # partners p1 (4) and p2 (6) in FI, p3 (20) in SE; FI's subtotal 10 and the total 30
    cells = {"T": 30, "FI": 10, "SE": 20, "p1": 4, "p2": 6, "p3": 20}
    equations = [("FI", ["p1", "p2"]), ("SE", ["p3"]), ("T", ["FI", "SE"])]
    hidden = hidden_cells(cells, equations, threshold=5)
    assert {"p1", "p2"} <= hidden
    # no equation is left with exactly one hidden member
    for total, parts in equations:
        assert sum(m in hidden for m in [total, *parts]) != 1


def test_cells_in_no_equation_get_primary_suppression_only():
    assert hidden_cells({"a": 3, "b": 0, "c": 7}, threshold=5) == {"a"}


def test_an_equation_must_add_up():
    with pytest.raises(ValueError):
        hidden_cells({"t": 10, "a": 3, "b": 3}, [("t", ["a", "b"])], threshold=5)


def test_a_cell_hidden_elsewhere_with_only_zeros_beside_it():
    # March: 6 jobs and nothing else; the jobs column (January 2, March 6) hides March's 6 with January's
    # 2, and March's row would then give the 6 away (total 6 − zeros).
    cells = {("jan", "job"): 2, ("jan", "edu"): 7, ("mar", "job"): 6, ("mar", "edu"): 0}
    cells |= {("jan", "T"): 9, ("mar", "T"): 6, ("T", "job"): 8, ("T", "edu"): 7, ("T", "T"): 15}
    equations = [
        (("jan", "T"), [("jan", "job"), ("jan", "edu")]),
        (("mar", "T"), [("mar", "job"), ("mar", "edu")]),
        (("T", "job"), [("jan", "job"), ("mar", "job")]),
        (("T", "edu"), [("jan", "edu"), ("mar", "edu")]),
        (("T", "T"), [("T", "job"), ("T", "edu")]),
        (("T", "T"), [("jan", "T"), ("mar", "T")]),
    ]
    zeros_shown = hidden_cells(cells, equations, threshold=5)
    zeros_hidden = hidden_cells(cells, equations, threshold=5, hide_zeros=True)
    # zeros are shown: March's total goes
    assert ("mar", "T") in zeros_shown and ("mar", "edu") not in zeros_shown
    # hide_zeros: March's 0 education goes and the total stays
    assert ("mar", "edu") in zeros_hidden and ("mar", "T") not in zeros_hidden
    for hidden in (zeros_shown, zeros_hidden):
        _assert_safe(cells, equations, hidden, 5)


def _assert_safe(cells, equations, hidden, threshold):
    for key, value in cells.items():
        if 0 < value < threshold:
            assert key in hidden
    for total, parts in equations:
        members = [total, *parts]
        assert sum(m in hidden for m in members) != 1, (total, parts, hidden)
        if total not in hidden:
            hidden_sum = sum(cells[p] for p in parts if p in hidden)
            assert hidden_sum == 0 or hidden_sum >= threshold, (total, parts, hidden)


@pytest.mark.parametrize("hide_zeros", [False, True])
def test_no_equation_gives_a_cell_away_in_random_two_way_tables(hide_zeros):
    """Months × kinds with row and column totals and a grand total of both: never one hidden member of
    an equation, never hidden parts under a visible total that add up to less than the threshold."""
    rng = random.Random(51)
    for _case in range(500):
        threshold = rng.choice((2, 3, 5, 10))
        kinds = ["job", "edu", "self", "other"][: rng.randint(1, 4)]
        months = list(range(rng.randint(1, 6)))
        Cell = tuple[int | str, str]  # (month or "T", kind or "T")
        cells: dict[Cell, int] = {
            (m, k): rng.choice((0, 0, 0, 1, 2, 3, 4, 5, 6, 9, 15)) for m in months for k in kinds
        }
        equations: list[tuple[Cell, list[Cell]]] = []
        for m in months:
            cells[(m, "T")] = sum(cells[(m, k)] for k in kinds)
            equations.append(((m, "T"), [(m, k) for k in kinds]))
        for k in kinds:
            cells[("T", k)] = sum(cells[(m, k)] for m in months)
            equations.append((("T", k), [(m, k) for m in months]))
        cells[("T", "T")] = sum(cells[("T", k)] for k in kinds)
        equations += [(("T", "T"), [("T", k) for k in kinds]), (("T", "T"), [(m, "T") for m in months])]
        hidden = hidden_cells(cells, equations, threshold=threshold, hide_zeros=hide_zeros)
        if not hide_zeros:
            assert all(cells[key] > 0 for key in hidden)
        _assert_safe(cells, equations, hidden, threshold)


def test_publish_is_exact_or_suppressed():
    cells = {"t": 12, "a": 3, "b": 9}
    assert publish(cells, [("t", ["a", "b"])], exact=True, threshold=5) == {
        "t": Figure(12),
        "a": Figure(3),
        "b": Figure(9),
    }
    shown = publish(cells, [("t", ["a", "b"])], exact=False, threshold=5)
    assert shown["t"] == Figure(12) and shown["a"].hidden and shown["b"].hidden
    assert int(shown["a"]) == 0 and int(shown["t"]) == 12
