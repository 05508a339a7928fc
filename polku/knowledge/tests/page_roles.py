"""The knowledge pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.knowledge.models import Status
from polku.knowledge.tests.factories import GoodPracticeFactory, HandbookPageFactory
from polku.testing.roles import NON_MEMBERS

STAFF = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200}
EDITORS_OF_DRAFT = {"coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200}


def _draft(w) -> str:
    return GoodPracticeFactory(project=w.project, status=Status.DRAFT, published_at=None).slug


PAGES = {
    "knowledge_library": (lambda w: reverse("knowledge:library"), {}, 200),
    "knowledge_practice": (
        lambda w: reverse("knowledge:practice", args=[GoodPracticeFactory().slug]),
        {},
        200,
    ),
    "knowledge_practice_draft": (
        lambda w: reverse("knowledge:practice", args=[_draft(w)]),
        EDITORS_OF_DRAFT,
        404,
    ),
    "knowledge_page": (lambda w: reverse("knowledge:page", args=[HandbookPageFactory().slug]), {}, 200),
    "knowledge_manage": (lambda w: reverse("knowledge:manage"), STAFF, 403),
    "knowledge_practice_create": (lambda w: reverse("knowledge:practice_create"), STAFF, 403),
    "knowledge_practice_edit": (lambda w: reverse("knowledge:practice_edit", args=[_draft(w)]), STAFF, 403),
    "knowledge_page_create": (lambda w: reverse("knowledge:page_create"), STAFF, 403),
    "knowledge_page_edit": (
        lambda w: reverse(
            "knowledge:page_edit", args=[HandbookPageFactory(project=w.project, status=Status.DRAFT).slug]
        ),
        STAFF,
        403,
    ),
    "knowledge_evaluation_index": (
        lambda w: reverse("knowledge:evaluation_index"),
        {"anonymous": 302, "user_a": 403, "stranger": 403},
        200,
    ),
    "knowledge_evaluation": (
        lambda w: reverse("knowledge:evaluation", args=[w.project.code]),
        NON_MEMBERS,
        200,
    ),
}
