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
"""

from __future__ import annotations

from collections.abc import Sequence

HIDDEN = None


def hide_small(value: int, *, threshold: int = 5) -> int | None:
    """Primary suppression of one count."""
    return HIDDEN if 0 < value < threshold else value


def suppress_row(row: Sequence[int], *, threshold: int = 5) -> list[int | None]:
    """One row: `row[0]` is the total of `row[1:]`. Returns the row with hidden cells as None."""
    total, parts = row[0], list(row[1:])
    if sum(parts) != total:
        raise ValueError(f"the breakdown {parts} does not add up to the total {total}")
    hidden = {i for i, value in enumerate(row) if 0 < value < threshold}
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
    return [HIDDEN if i in hidden else value for i, value in enumerate(row)]


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
