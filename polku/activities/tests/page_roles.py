"""Activity pages collected from this app (the older rows stay in polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from polku.testing.roles import Post

PAGES: dict[str, Any] = {}
POSTS = {
    # from the participant list: coordinators of the chosen people's partner; another partner's: 404
    "activities_enrol_chosen": Post(
        lambda w: reverse("activities:enrol_chosen"),
        lambda w: {"ids": [w.part_a.pk]},
        {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404},
        403,
    ),
}
