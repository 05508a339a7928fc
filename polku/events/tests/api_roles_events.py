"""API role cases of events (merged in api_roles.py)."""

from typing import Any

CASES: list[Any] = []
