"""The privacy pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.privacy.models import ErasureRequest
from polku.testing.roles import LEAD_ONLY, NON_MEMBERS, Post


def _request_of_a(w) -> str:
    pk = ErasureRequest.objects.create(person=w.part_a.person, scope=ErasureRequest.Scope.OPTIONAL).pk
    return reverse("privacy:erasure_detail", args=[pk])


OWN = {"anonymous": 302, "user_a": 200}
COORD_A = {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404}
PAGES = {
    "privacy_my_data": (lambda w: reverse("privacy:my_data"), OWN, 403),
    "privacy_my_data_json": (lambda w: reverse("privacy:my_data_json"), OWN, 403),
    "privacy_my_erasure": (lambda w: reverse("privacy:my_erasure"), OWN, 403),
    "privacy_participant_data": (
        lambda w: reverse("privacy:participant_data", args=[w.part_a.pk]),
        COORD_A,
        403,
    ),
    "privacy_participant_data_json": (
        lambda w: reverse("privacy:participant_data_json", args=[w.part_a.pk]),
        COORD_A,
        403,
    ),
    "privacy_erasure_on_behalf": (
        lambda w: reverse("privacy:erasure_on_behalf", args=[w.part_a.pk]),
        COORD_A,
        403,
    ),
    "privacy_erasure_list": (
        lambda w: reverse("privacy:erasure_list"),
        {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200},
        403,
    ),
    "privacy_erasure_detail": (_request_of_a, COORD_A, 403),
    "privacy_retention": (
        lambda w: reverse("privacy:retention"),
        {"anonymous": 302, "lead": 200, "admin": 200},
        403,
    ),
    "privacy_project_retention": (
        lambda w: reverse("privacy:project_retention", args=[w.project.code]),
        LEAD_ONLY,
        403,
    ),
}

# the person asks for their own erasure; a coordinator of partner a asks for them or handles a request
COORD_A_WRITE = {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404}

POSTS = {
    "privacy_my_erasure": Post(
        lambda w: reverse("privacy:my_erasure"),
        lambda w: {"scope": "optional"},
        {"anonymous": 302, "user_a": 302},
        403,
    ),
    "privacy_erasure_on_behalf": Post(
        lambda w: reverse("privacy:erasure_on_behalf", args=[w.part_a.pk]),
        lambda w: {"scope": "optional"},
        COORD_A_WRITE,
        403,
    ),
    # refusing leaves the person's data as they are
    "privacy_erasure_detail": Post(
        _request_of_a, lambda w: {"decision": "refuse", "reason": "A legal hold"}, COORD_A_WRITE, 403
    ),
    "privacy_project_retention": Post(
        lambda w: reverse("privacy:project_retention", args=[w.project.code]),
        lambda w: {"retention_years": 12, "last_payment_on": "2028-06-30"},
        NON_MEMBERS | {"lead": 302, "admin": 302},
        403,
    ),
}
