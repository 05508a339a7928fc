"""The knowledge API against every role (collected by polku/core/tests/test_api_roles.py)."""

from __future__ import annotations

from polku.knowledge.models import Status
from polku.knowledge.tests.factories import GoodPracticeFactory, HandbookPageFactory
from polku.testing.roles import EVERYONE, STAFF_READ, Case, expect

PUBLIC = EVERYONE | {"anonymous": 200}
STAFF_WRITE = expect(403, coord_a=201, coord_b=201, lead=201, admin=201)
EDITORS = expect(404, coord_a=200, coord_b=200, lead=200, admin=200)
PROJECT = "/api/v1/projects/S29999"


def _draft_practice(w) -> str:
    return GoodPracticeFactory(project=w.project, status=Status.DRAFT, published_at=None).slug


def _draft_page(w) -> str:
    return HandbookPageFactory(project=w.project, status=Status.DRAFT).slug


CASES = [
    Case("knowledge-practice-list", lambda w: ("get", "/api/v1/knowledge/practices/", None), PUBLIC),
    Case(
        "knowledge-practice-create",
        lambda w: ("post", "/api/v1/knowledge/practices/", {"slug": "mastermind", "title_en": "Mastermind"}),
        STAFF_WRITE,
    ),
    Case(
        "knowledge-practice-detail",
        lambda w: ("get", f"/api/v1/knowledge/practices/{GoodPracticeFactory().slug}/", None),
        PUBLIC,
    ),
    Case(
        "knowledge-practice-update",
        lambda w: ("patch", f"/api/v1/knowledge/practices/{_draft_practice(w)}/", {"status": "published"}),
        EDITORS,
    ),
    Case("knowledge-page-list", lambda w: ("get", "/api/v1/knowledge/pages/", None), PUBLIC),
    Case(
        "knowledge-page-create",
        lambda w: (
            "post",
            "/api/v1/knowledge/pages/",
            {"slug": "toolbook", "kind": "toolbook", "title_en": "T"},
        ),
        STAFF_WRITE,
    ),
    Case(
        "knowledge-page-detail",
        lambda w: ("get", f"/api/v1/knowledge/pages/{HandbookPageFactory().slug}/", None),
        PUBLIC,
    ),
    Case(
        "knowledge-page-update",
        lambda w: ("patch", f"/api/v1/knowledge/pages/{_draft_page(w)}/", {"body_fi": "Teksti"}),
        EDITORS,
    ),
    Case(
        "knowledge-evaluation-note-list",
        lambda w: ("get", f"{PROJECT}/evaluation-notes/", None),
        STAFF_READ,
    ),
    Case(
        "knowledge-evaluation-note-create",
        lambda w: (
            "post",
            f"{PROJECT}/evaluation-notes/",
            {"date": "2025-03-31", "kind": "reflection", "title": "Q1", "decisions": ["More dinners"]},
        ),
        expect(404, coord_a=201, coord_b=201, lead=201, evaluator=201, mentor=403, employer=403, admin=201),
    ),
]
