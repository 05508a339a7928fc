"""Published counts: a `Figure` is a count as a reader may see it, `publish` makes them from cells.

The dashboards, the funder report and the feedback results render Figures (a hidden one as a dash, in a
chart as no bar, in the API as `null` with `hidden: true`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from polku.suppression.rules import Equation, hidden_cells

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True)
class Figure:
    """A published count: `value` is None when it is hidden."""

    value: int | None

    @property
    def hidden(self) -> bool:
        return self.value is None

    def __int__(self) -> int:  # for charts: a hidden value draws no bar
        return self.value or 0


def publish(
    cells: Mapping[K, int],
    equations: Iterable[Equation] = (),
    *,
    exact: bool,
    threshold: int,
    hide_zeros: bool = False,
) -> dict[K, Figure]:
    """Cells as Figures: exact for a reader who may see them exactly, otherwise suppressed by
    `rules.hidden_cells` over `equations` (which see for `hide_zeros`)."""
    hidden = set() if exact else hidden_cells(cells, equations, threshold=threshold, hide_zeros=hide_zeros)
    return {key: Figure(None if key in hidden else value) for key, value in cells.items()}
