"""Small-cell suppression of published counts: plain data in, the set of hidden cells out.

A table is a dict of cells (any hashable key → count) and a list of equations (a total and the cells
that add up to it). A cell below the threshold (but not zero) is hidden (primary suppression); then,
until nothing changes, every equation with exactly one hidden member hides one more (the smallest
non-zero visible member, else the smallest visible one), and so does every equation whose hidden parts
add up to less than the threshold under a visible total, so that no total can be used to work a hidden
cell out or bound it (secondary suppression; the same rules as polku.reporting.suppression, which works
on single rows, while dashboard tables nest). Equations may nest (partners within a country within the project;
months × kinds), which is why this runs to a fixpoint.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DEFAULT_THRESHOLD = 5


@dataclass(frozen=True)
class Figure:
    """A published count: `value` is None when it is hidden."""

    value: int | None

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __int__(self) -> int:  # for charts: a hidden value draws no bar
        return self.value or 0


Equation = tuple[Any, Sequence[Any]]  # keys are any hashable values


def hidden_cells(
    cells: Mapping[Any, int], equations: Iterable[Equation] = (), *, threshold: int = DEFAULT_THRESHOLD
) -> set[Any]:
    hidden = {key for key, value in cells.items() if 0 < value < threshold}
    equations = [(total, list(parts)) for total, parts in equations]
    changed = True
    while changed:
        changed = False
        for total, parts in equations:
            members = [total, *parts]
            hidden_parts = [m for m in parts if m in hidden]
            # one hidden member is worked out from the others; hidden parts that add up to less than the
            # threshold under a visible total are bounded to small values (polku.reporting's rule too)
            exposed = sum(1 for m in members if m in hidden) == 1 or (
                total not in hidden and 0 < sum(cells[m] for m in hidden_parts) < threshold
            )
            if not exposed:
                continue
            visible = [m for m in parts if m not in hidden] or [total] * (total not in hidden)
            if not visible:
                continue
            choice = min(visible, key=lambda m: (cells[m] == 0, cells[m]))
            hidden.add(choice)
            changed = True
    return hidden


def publish(
    cells: Mapping[Any, int],
    equations: Iterable[Equation] = (),
    *,
    exact: bool,
    threshold: int = DEFAULT_THRESHOLD,
) -> dict[Any, Figure]:
    """Cells as Figures: exact for a reader who may see them exactly, suppressed otherwise."""
    hidden = set() if exact else hidden_cells(cells, equations, threshold=threshold)
    return {key: Figure(None if key in hidden else value) for key, value in cells.items()}
