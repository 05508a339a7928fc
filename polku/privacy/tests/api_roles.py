"""The privacy API against every role (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from typing import Any

from polku.privacy.models import ErasureRequest
from polku.testing.roles import MEMBERS_READ, Case, expect, lead_or_admin

PROJECT = "/api/v1/projects/S29999"
COORDINATORS = expect(403, coord_a=200, coord_b=200, admin=200)


def _request_of_a(w: Any) -> int:
    return ErasureRequest.objects.create(person=w.part_a.person, scope=ErasureRequest.Scope.OPTIONAL).pk


CASES = [
    Case("privacy-my-data", lambda w: ("get", "/api/v1/me/data/", None), expect(403, user_a=200)),
    Case(
        "privacy-my-erasure-requests",
        lambda w: ("get", "/api/v1/me/erasure-requests/", None),
        expect(403, user_a=200),
    ),
    Case(
        "privacy-my-erasure-requests-create",
        lambda w: ("post", "/api/v1/me/erasure-requests/", {"scope": "optional"}),
        expect(403, user_a=201),
    ),
    Case(
        "privacy-participant-data",
        lambda w: ("get", f"/api/v1/participants/{w.part_a.pk}/data/", None),
        expect(403, coord_a=200, coord_b=404, admin=200),
    ),
    Case("privacy-erasure-request-list", lambda w: ("get", "/api/v1/erasure-requests/", None), COORDINATORS),
    Case(
        "privacy-erasure-request-handle",
        lambda w: ("post", f"/api/v1/erasure-requests/{_request_of_a(w)}/handle/", {"refuse": False}),
        expect(403, coord_a=200, coord_b=404, admin=200),
    ),
    Case(
        "privacy-retention",
        lambda w: ("get", "/api/v1/privacy/retention/", None),
        expect(403, lead=200, admin=200),
    ),
    Case("privacy-project-retention", lambda w: ("get", f"{PROJECT}/retention/", None), MEMBERS_READ),
    Case(
        "privacy-project-retention-update",
        lambda w: ("patch", f"{PROJECT}/retention/", {"legal_hold": True}),
        lead_or_admin(200),
    ),
]
