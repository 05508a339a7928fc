"""Role matrix cases of "Invite to Polku" in the API (polku.participants.invite_api)."""

from __future__ import annotations

from polku.participants.tests.page_roles import without_login
from polku.testing.roles import Case, expect

CASES = [
    Case(
        "participant-invite",
        lambda w: ("post", f"/api/v1/participants/{without_login(w).pk}/invite/", None),
        expect(404, coord_a=201, admin=201),
    ),
    Case(
        "participant-invite-many",
        lambda w: ("post", "/api/v1/participants/invite/", {"participations": [without_login(w).pk]}),
        expect(403, coord_a=200, admin=200, coord_b=404),
    ),
]
