"""Small assertions for tests that also narrow types for mypy."""

from __future__ import annotations

from typing import TypeVar

_T = TypeVar("_T")


def present(value: _T | None) -> _T:
    """`value`, failing the test when it is None (a `.first()` that found no row, a regex that did not match)."""
    assert value is not None
    return value
