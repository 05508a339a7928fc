"""API role cases of registrations (merged in api_roles.py)."""

from typing import Any

CASES: list[Any] = []
