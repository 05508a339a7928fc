"""Search API against every role (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from polku.testing.roles import Case, expect

CASES = [
    Case(
        "search",
        lambda w: ("get", "/api/v1/search/?q=Yusuf", None),
        expect(403, coord_a=200, coord_b=200, admin=200),
    ),
]
