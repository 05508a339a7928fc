"""Tables of rows, and partners' tables with their sum: the shapes the indicator tables and the
self-assessment deltas publish, written as equations for `rules.hidden_cells`.

A table is a list of rows of counts; in each row the first cell is the total and the following cells (the
gender breakdown, or improved + same + declined) add up to it. The last `extra` cells of a row (such as
the count of unknown answers) are outside its sum and get primary suppression only. Hidden cells come
back as HIDDEN (None).

Across partners (`suppress_partners`): the project's table is the cell-by-cell sum of its partners'
tables, and a reader who sees the project's table and each partner's table one at a time could subtract;
so every summed cell of the project's table is a further equation (project = partner 1 + partner 2 + …),
and the rows and these columns are secured together.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from polku.suppression.rules import HIDDEN, Equation, check_threshold, hidden_cells, hide_small

K = TypeVar("K", bound=Hashable)


def suppress_row(row: Sequence[int], *, threshold: int) -> list[int | None]:
    """One row: `row[0]` is the total of `row[1:]`. Returns the row with hidden cells as HIDDEN."""
    hidden = hidden_cells(dict(enumerate(row)), [(0, range(1, len(row)))], threshold=threshold)
    return [HIDDEN if i in hidden else value for i, value in enumerate(row)]


def suppress(table: Sequence[Sequence[int]], *, threshold: int, extra: int = 0) -> list[list[int | None]]:
    """Every row of `table` on its own; the last `extra` cells of each row are outside its sum."""
    check_threshold(threshold)
    result = []
    for row in table:
        summed = row[: len(row) - extra] if extra else row
        tail = row[len(row) - extra :] if extra else []
        result.append(
            suppress_row(summed, threshold=threshold) + [hide_small(v, threshold=threshold) for v in tail]
        )
    return result


def suppress_partners(
    tables: Mapping[K, Sequence[Sequence[int]]], *, threshold: int, extra: int = 0
) -> tuple[list[list[int | None]], dict[K, list[list[int | None]]]]:
    """The project's table and its partners' tables, suppressed together.

    `tables` holds one table per partner, all with the same rows and columns (as for `suppress`); the
    project's table is their cell-by-cell sum (every participation belongs to one partner). Each row of
    every table is an equation (its total of its breakdown), and so is each summed cell of the project's
    table (the sum of the partners' cells): a cell hidden in a partner's table cannot be worked out from
    the project's table and the other partners' either. The rows come first, then the columns, as the
    order in which the equations are checked. Returns (the project's table, {partner: its table}).
    """
    check_threshold(threshold)
    keys = list(tables)
    if not keys:
        return [], {}
    shapes = {(len(t), tuple(len(r) for r in t)) for t in tables.values()}
    if len(shapes) != 1:
        raise ValueError("the partners' tables differ in shape")
    first = tables[keys[0]]
    total = [[sum(tables[k][r][c] for k in keys) for c in range(len(row))] for r, row in enumerate(first)]
    matrices: list[Sequence[Sequence[int]]] = [total, *(tables[k] for k in keys)]
    width = [len(row) - extra for row in first]
    cells = {
        (m, r, c): value
        for m, matrix in enumerate(matrices)
        for r, row in enumerate(matrix)
        for c, value in enumerate(row)
    }
    rows: list[Equation] = [
        ((m, r, 0), [(m, r, c) for c in range(1, width[r])])
        for m in range(len(matrices))
        for r in range(len(first))
    ]
    columns: list[Equation] = [
        ((0, r, c), [(m, r, c) for m in range(1, len(matrices))])
        for r in range(len(first))
        for c in range(width[r])
    ]
    hidden = hidden_cells(cells, rows + columns, threshold=threshold)

    def published(m: int) -> list[list[int | None]]:
        return [
            [HIDDEN if (m, r, c) in hidden else value for c, value in enumerate(row)]
            for r, row in enumerate(matrices[m])
        ]

    return published(0), {k: published(i + 1) for i, k in enumerate(keys)}
