"""Search page against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

PAGES: dict[str, Any] = {
    # coordinators and admins; everyone else is refused
    "search_search": (
        lambda w: reverse("search:search") + "?q=Yusuf",
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
}
POSTS: dict[str, Any] = {}
