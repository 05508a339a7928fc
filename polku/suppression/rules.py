"""The rules of small-cell suppression, once, over cells and the sums they take part in.

A table is a mapping of cells (any hashable key → count) and a list of equations, each a total and the
cells that add up to it. Equations may nest and cross (partners within a country within the project;
months × kinds with row and column totals; a project's cell as the sum of its partners' cells), which is
why the secondary rule runs to a fixpoint.

- Primary: a cell from 1 to `threshold - 1` is hidden. Zero is shown: "nobody" singles no one out, and
  hiding zeros would hide most of a small project's tables for nothing.
- Secondary: an equation gives a hidden cell away when exactly one of its members (the total or a part) is
  hidden, since the others work it out; and when its hidden parts add up to less than the threshold under
  a visible total, since each is then bounded to a small value. Such an equation hides its smallest
  visible non-zero part (the first of equal ones), and the equations are checked again until none gives
  anything away. Every visible non-zero cell is at least the threshold, so one more hidden cell always
  mends the equation at hand; others it is part of are checked on the next pass.
- When an equation has no visible non-zero part left, its total is hidden (`hide_zeros=False`: zeros are
  always shown), or, with `hide_zeros=True`, a visible zero part is hidden and the total stays (the
  dashboards' outcome table publishes this way; the two agree on single rows and on tables whose cells
  sit in one equation, and can differ where a cell hidden by one equation is the only non-zero part of
  another).

Cells that are in no equation get primary suppression only.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

HIDDEN = None  # a hidden cell in the tables of `tables`
K = TypeVar("K", bound=Hashable)
Equation = tuple[Any, Sequence[Any]]  # (the total's key, the keys of its parts)


def check_threshold(threshold: int) -> None:
    if threshold < 1:
        raise ValueError("the threshold must be at least 1")


def hide_small(value: int, *, threshold: int) -> int | None:
    """Primary suppression of one count on its own: HIDDEN from 1 to `threshold - 1`."""
    check_threshold(threshold)
    return HIDDEN if 0 < value < threshold else value


def hidden_cells(
    cells: Mapping[K, int],
    equations: Iterable[Equation] = (),
    *,
    threshold: int,
    hide_zeros: bool = False,
) -> set[K]:
    """The keys of the cells to hide: primary suppression, then the secondary rule over `equations` (in
    their order, pass after pass) until no equation gives a hidden cell away. ValueError when an equation
    does not add up or the threshold is below 1."""
    check_threshold(threshold)
    sums = [(total, list(parts)) for total, parts in equations]
    for total, parts in sums:
        if sum(cells[p] for p in parts) != cells[total]:
            raise ValueError(
                f"the parts {[cells[p] for p in parts]} do not add up to the total {cells[total]} ({total!r})"
            )
    hidden = {key for key, value in cells.items() if 0 < value < threshold}
    changed = True
    while changed:
        changed = False
        for total, parts in sums:
            while (more := _to_hide(cells, total, parts, hidden, threshold, hide_zeros)) is not None:
                hidden.add(more)
                changed = True
    return hidden


def _to_hide(
    cells: Mapping[Any, int], total: Any, parts: list[Any], hidden: set[Any], threshold: int, hide_zeros: bool
) -> Any | None:
    """The member of one equation to hide next, or None when it gives nothing away (or nothing visible
    is left to hide)."""
    hidden_members = (total in hidden) + sum(p in hidden for p in parts)
    if not hidden_members:
        return None
    hidden_sum = sum(cells[p] for p in parts if p in hidden)
    exposed = hidden_members == 1 or (total not in hidden and 0 < hidden_sum < threshold)
    if not exposed:
        return None
    visible = [p for p in parts if p not in hidden]
    non_zero = [p for p in visible if cells[p] > 0]
    if non_zero:
        return min(non_zero, key=lambda p: cells[p])
    if hide_zeros and visible:
        return visible[0]
    if total not in hidden:
        return total
    return None
