"""CEFR levels (A1 … C2) as comparable ranks, shared by scoring and group formation."""

from __future__ import annotations

from polku.matching.errors import InvalidInput

LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
NATIVE = "native"  # a first language ranks above C2
_RANK = {level: i + 1 for i, level in enumerate(LEVELS)} | {NATIVE: len(LEVELS) + 1}


def rank(level: str) -> int:
    """1 for A1 … 6 for C2, 7 for a first language; InvalidInput for anything else."""
    key = level.strip()
    key = key.lower() if key.lower() == NATIVE else key.upper()
    try:
        return _RANK[key]
    except KeyError:
        raise InvalidInput(
            f"unknown language level {level!r}; use one of {', '.join(LEVELS)} or native"
        ) from None


def at_least(level: str, minimum: str) -> bool:
    return rank(level) >= rank(minimum)


def shared_languages(a: dict[str, str], b: dict[str, str], minimum: str) -> set[str]:
    """Languages both people speak at `minimum` or better."""
    floor = rank(minimum)
    return {lang for lang in a.keys() & b.keys() if rank(a[lang]) >= floor and rank(b[lang]) >= floor}
