"""Slot times for a mentor day: plain data in, plain data out (no Django).

`slot_times` lays slots of `length` minutes from `start` to `end`, with `gap` minutes between slots and no
slot crossing a break (e.g. lunch). `overlaps` tells whether two half-open intervals meet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

Interval = tuple[dt.datetime, dt.datetime]


def overlaps(a: Interval, b: Interval) -> bool:
    """Half-open intervals [start, end): a slot ending at 10:00 and one starting at 10:00 do not overlap."""
    return a[0] < b[1] and b[0] < a[1]


def slot_times(
    *,
    start: dt.datetime,
    end: dt.datetime,
    length: dt.timedelta,
    gap: dt.timedelta = dt.timedelta(0),
    breaks: Sequence[Interval] = (),
) -> list[Interval]:
    """Consecutive slots that fit between `start` and `end`; a slot that would touch a break starts after it."""
    if length <= dt.timedelta(0):
        raise ValueError("slot length must be positive")
    if gap < dt.timedelta(0):
        raise ValueError("gap cannot be negative")
    ordered = sorted(breaks)
    slots: list[Interval] = []
    cursor = start
    while cursor + length <= end:
        candidate = (cursor, cursor + length)
        blocking = next((b for b in ordered if overlaps(candidate, b)), None)
        if blocking is not None:
            cursor = max(cursor, blocking[1])
            continue
        slots.append(candidate)
        cursor = candidate[1] + gap
    return slots


def free_of(candidates: Iterable[Interval], taken: Iterable[Interval]) -> list[Interval]:
    """The candidates that overlap none of the taken intervals (nor each other, earlier ones winning)."""
    kept: list[Interval] = []
    busy = list(taken)
    for candidate in candidates:
        if any(overlaps(candidate, other) for other in busy):
            continue
        kept.append(candidate)
        busy.append(candidate)
    return kept
