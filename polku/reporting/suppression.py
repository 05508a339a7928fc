"""Small-cell suppression of an indicator table: pure functions, no Django.

A table is a list of rows of counts; in each row the first cell is the total and the following cells
(the gender breakdown) add up to it. Rules:

- Primary: a cell from 1 to `threshold - 1` is hidden. Zero is shown: "nobody" does not single anyone
  out, and hiding zeros would hide most of a small project's table for nothing.
- Secondary: in a row, the total minus the visible cells must not reveal a hidden cell. When a row has
  exactly one hidden cell, or its hidden cells add up to less than the threshold while the total is
  visible (so that their sizes could be bounded to one value), the smallest visible non-zero breakdown
  cell is hidden too, and the row is checked again. When the total itself is hidden and one breakdown
  cell alone is hidden with it, the same applies.

Cells that are not part of a row's sum (`extra` columns, such as the count of unknown answers) get
primary suppression only.

Across partners (`suppress_partners`): the project's table is the cell-by-cell sum of its partners'
tables, and a reader who sees the project's table and each partner's table one at a time could subtract;
so every summed cell of the project's table is a further sum (project = partner 1 + partner 2 + …) and
the same secondary rule runs over rows and these columns together until nothing changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

HIDDEN = None
K = TypeVar("K", bound=Hashable)


def hide_small(value: int, *, threshold: int = 5) -> int | None:
    """Primary suppression of one count."""
    return HIDDEN if 0 < value < threshold else value


def suppress_row(row: Sequence[int], *, threshold: int = 5) -> list[int | None]:
    """One row: `row[0]` is the total of `row[1:]`. Returns the row with hidden cells as None."""
    hidden = _secure(row, {i for i, value in enumerate(row) if 0 < value < threshold}, threshold=threshold)
    return [HIDDEN if i in hidden else value for i, value in enumerate(row)]


def _secure(row: Sequence[int], hidden: set[int], *, threshold: int) -> set[int]:
    """The secondary rule on one sum, `row[0] = sum(row[1:])`, starting from the positions already
    hidden (by the primary rule or by other sums the cells are part of); returns them with the further
    positions that must be hidden."""
    total, parts = row[0], list(row[1:])
    if sum(parts) != total:
        raise ValueError(f"the breakdown {parts} does not add up to the total {total}")
    hidden = set(hidden)
    while True:
        hidden_parts = [i for i in hidden if i > 0]
        if not hidden:
            break
        exposed = len(hidden) == 1 or (0 not in hidden and 0 < sum(row[i] for i in hidden_parts) < threshold)
        if not exposed:
            break
        candidates = [i for i in range(1, len(row)) if i not in hidden and row[i] > 0]
        if not candidates:
            if 0 in hidden:
                break
            hidden.add(0)  # only possible when the visible total is itself what gives a cell away
            continue
        hidden.add(min(candidates, key=lambda i: (row[i], i)))
    return hidden


def suppress_partners(
    tables: Mapping[K, Sequence[Sequence[int]]], *, threshold: int = 5, extra: int = 0
) -> tuple[list[list[int | None]], dict[K, list[list[int | None]]]]:
    """The project's table and its partners' tables, suppressed together.

    `tables` holds one table per partner, all with the same rows and columns (as for `suppress`); the
    project's table is their cell-by-cell sum (every participation belongs to one partner). Each row of
    every table is a sum (its total of its breakdown) and each summed cell of the project's table is the
    sum of the partners' cells, so both rules run over both kinds of sum until nothing changes: a cell
    hidden in a partner's table cannot be worked out from the project's table and the other partners'
    either. Returns (the project's table, {partner: its table}); the last `extra` cells of each row get
    primary suppression only, as in `suppress`.
    """
    if threshold < 1:
        raise ValueError("the threshold must be at least 1")
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
    hidden = [
        [{c for c in range(width[r]) if 0 < m[r][c] < threshold} for r in range(len(first))] for m in matrices
    ]
    changed = True
    while changed:
        changed = False
        for m, matrix in enumerate(matrices):
            for r, row in enumerate(matrix):
                grown = _secure(row[: width[r]], hidden[m][r], threshold=threshold)
                if grown != hidden[m][r]:
                    hidden[m][r], changed = grown, True
        for r in range(len(first)):
            for c in range(width[r]):
                column = [matrix[r][c] for matrix in matrices]
                before = {m for m in range(len(matrices)) if c in hidden[m][r]}
                for m in _secure(column, before, threshold=threshold) - before:
                    hidden[m][r].add(c)
                    changed = True

    def published(m: int) -> list[list[int | None]]:
        return [
            [
                HIDDEN
                if (c < width[r] and c in hidden[m][r]) or (c >= width[r] and 0 < value < threshold)
                else value
                for c, value in enumerate(row)
            ]
            for r, row in enumerate(matrices[m])
        ]

    return published(0), {k: published(i + 1) for i, k in enumerate(keys)}


def suppress(table: Sequence[Sequence[int]], *, threshold: int = 5, extra: int = 0) -> list[list[int | None]]:
    """Every row of `table`; the last `extra` cells of each row are outside its sum (primary only)."""
    if threshold < 1:
        raise ValueError("the threshold must be at least 1")
    result = []
    for row in table:
        summed = row[: len(row) - extra] if extra else row
        tail = row[len(row) - extra :] if extra else []
        result.append(
            suppress_row(summed, threshold=threshold) + [hide_small(v, threshold=threshold) for v in tail]
        )
    return result
