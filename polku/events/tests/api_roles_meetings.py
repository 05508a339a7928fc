"""API role cases of meetings (merged in api_roles.py)."""

from typing import Any

CASES: list[Any] = []
