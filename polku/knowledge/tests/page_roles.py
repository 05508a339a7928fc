"""The knowledge pages against every role (collected by polku/core/tests/test_page_roles.py)."""

from __future__ import annotations

from django.urls import reverse

from polku.knowledge.models import Status
from polku.knowledge.tests.factories import GoodPracticeFactory, HandbookPageFactory
from polku.testing.roles import NON_MEMBERS, Post, keep

STAFF = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200}
NOT_STAFF = {"mentor": 403, "employer": 403}
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
    # evaluation notes: the project's coordinators, lead, evaluators and admins; never participants, nor
    # mentors and employer representatives (docs/knowledge.md)
    "knowledge_evaluation_index": (
        lambda w: reverse("knowledge:evaluation_index"),
        {"anonymous": 302, "user_a": 403, "stranger": 403} | NOT_STAFF,
        200,
    ),
    "knowledge_evaluation": (
        lambda w: reverse("knowledge:evaluation", args=[w.project.code]),
        NON_MEMBERS | NOT_STAFF,
        200,
    ),
}


def _text(**extra: object) -> dict[str, object]:
    return {"status": "draft", "title_en": "Mentoring circles", **extra}


def _draft_page(w) -> str:
    return HandbookPageFactory(project=w.project, status=Status.DRAFT).slug


# authors: the project's coordinators and lead, and admins; everyone else signed in 403
AUTHORS_WRITE = {"anonymous": 302, "coord_a": 302, "coord_b": 302, "lead": 302, "admin": 302}

POSTS = {
    "knowledge_practice_create": Post(
        lambda w: reverse("knowledge:practice_create"),
        lambda w: _text(slug="mentoring-circles", project=w.project.pk),
        AUTHORS_WRITE,
        403,
    ),
    "knowledge_practice_edit": Post(
        lambda w: reverse("knowledge:practice_edit", args=[keep(w, "slug", _draft(w))]),
        lambda w: _text(slug=w.slug, project=w.project.pk),
        AUTHORS_WRITE,
        403,
    ),
    "knowledge_page_create": Post(
        lambda w: reverse("knowledge:page_create"),
        lambda w: _text(slug="circles", kind="handbook", project=w.project.pk),
        AUTHORS_WRITE,
        403,
    ),
    "knowledge_page_edit": Post(
        lambda w: reverse("knowledge:page_edit", args=[keep(w, "slug", _draft_page(w))]),
        lambda w: _text(slug=w.slug, kind="handbook", project=w.project.pk),
        AUTHORS_WRITE,
        403,
    ),
    "knowledge_evaluation": Post(
        lambda w: reverse("knowledge:evaluation", args=[w.project.code]),
        lambda w: {"date": "2025-06-01", "kind": "reflection", "title": "Quarterly reflection"},
        NON_MEMBERS
        | NOT_STAFF
        | {"coord_a": 302, "coord_b": 302, "lead": 302, "evaluator": 302, "admin": 302},
        403,
    ),
}
