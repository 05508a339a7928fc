"""The role matrix shared by every app's tests: the roles of the `world` fixture and expected statuses.

Each app lists its own REST cases in `polku/<app>/tests/api_roles.py` (a module-level `CASES` list of
`Case`) and its own pages in `polku/<app>/tests/page_roles.py` (a module-level `PAGES` dict of GET rows
and a `POSTS` dict of `Post` rows). The core role tests collect them all, so every route of the API and
every page is called as every role, and a route or a page pattern without a row fails the suite.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

import pytest

import polku
from polku.employers.models import Employer, EmployerRepresentative
from polku.mentoring.tests.factories import MentorProfileFactory
from polku.testing import factories as f

# mentor: a mentor membership for partner a and a mentor profile, mentor of nobody in the world (the
# mentoring rows make them the mentor of a pair where that is the point); employer: an employer
# representative's membership of the project, acting for one employer of partner a (`employer_row`).
# Both are members of the project without a staff role.
ROLES = (
    "coord_a",
    "coord_b",
    "lead",
    "evaluator",
    "mentor",
    "employer",
    "admin",
    "user_a",
    "stranger",
    "anonymous",
)
PAGE_ROLES = list(ROLES)


def with_every_role(world: SimpleNamespace) -> SimpleNamespace:
    """The world of the matrix: `world` plus a mentor and an employer representative of its project."""
    world.mentor = f.UserFactory(email="mentor@example.org", full_name="Maria Mentor")
    f.membership(world.mentor, f.Role.MENTOR, partner=world.a)
    world.mentor_profile = MentorProfileFactory(user=world.mentor, organisation="Mentor Oy")
    world.employer = f.UserFactory(email="employer@example.org", full_name="Erik Employer")
    f.membership(world.employer, f.Role.EMPLOYER, project=world.project)
    # the employer representative acts for one employer of the project, kept by partner a
    world.employer_row = Employer.objects.create(
        project=world.project,
        partner=world.a,
        organisation=f.OrganisationFactory(name="Matrix Employer Oy", kind="company"),
    )
    EmployerRepresentative.objects.create(
        employer=world.employer_row, user=world.employer, project=world.project
    )
    return world


class Defect(int):
    """An expected status the code does not give yet: a known access defect, tested as xfail(strict=True).

    `Defect(404, "why")` stands where the status belongs; the matrix marks that role's test with the reason.
    """

    reason: str

    def __new__(cls, status: int, reason: str) -> Defect:
        value = super().__new__(cls, status)
        value.reason = reason
        return value


def marks_for(expected: int) -> list[Any]:
    """The pytest marks of one role's test: xfail(strict=True) for a known defect, none otherwise."""
    if isinstance(expected, Defect):
        return [pytest.mark.xfail(strict=True, reason=expected.reason)]
    return []


def expect(default: int, **statuses: int) -> dict[str, int]:
    """Expected status per role; anonymous requests are always refused with 403."""
    table = {role: statuses.get(role, default) for role in ROLES}
    table["anonymous"] = 403
    return table


EVERYONE = expect(200)
# Members of the project read its structure, mentors and employer representatives too.
MEMBERS_READ = expect(
    404, coord_a=200, coord_b=200, lead=200, evaluator=200, mentor=200, employer=200, admin=200
)
# Members of the project who see no figures of it (no counts, no staff role): refused where figures are.
MEMBERS_WITHOUT_FIGURES = {"mentor": 403, "employer": 403}
# The project's figures and staff notes (counts, deltas, dashboards, indicators, evaluation notes): its
# coordinators, lead, evaluators and admins; the other members are refused, non-members get 404.
STAFF_READ = MEMBERS_READ | MEMBERS_WITHOUT_FIGURES


def admin_only(ok: int) -> dict[str, int]:
    """Writes for platform admins, on an object the members see (others get 404)."""
    return expect(404, coord_a=403, coord_b=403, lead=403, evaluator=403, mentor=403, employer=403, admin=ok)


def lead_or_admin(ok: int) -> dict[str, int]:
    return admin_only(ok) | {"lead": ok}


def own_person(ok: int) -> dict[str, int]:
    """Participant a's data: their coordinator, an admin, and they themselves."""
    return expect(404, coord_a=ok, admin=ok, user_a=ok)


@dataclass(frozen=True)
class Case:
    name: str
    request: Callable[[Any], tuple[str, str, dict | None]]
    expected: dict[str, int]


# Pages: name -> (url_of(world), {role: status}, default status)
NON_MEMBERS = {"anonymous": 302, "user_a": 404, "stranger": 404}
LEAD_ONLY = NON_MEMBERS | {"lead": 200, "admin": 200}
PageCase = tuple[Callable[[Any], str], dict[str, int], int]


@dataclass(frozen=True)
class Post:
    """A POST to a page: its URL and form body from the world, the expected status per role.

    Roles not in `expected` get `default`. A role refused (403, 404, 405, or anonymous sent to the
    sign-in) must not have written anything; the body is one an allowed role's POST succeeds with, or
    fails with harmlessly, as the row's comment says. `body` is called after `url` with the same world,
    so it may use what `url` kept on it.
    """

    url: Callable[[Any], str]
    body: Callable[[Any], dict[str, Any]]
    expected: dict[str, int]
    default: int


def keep(world: Any, name: str, value: Any) -> Any:
    """`value`, kept on the (per-test) world as `name`: a `Post`'s url stores what its body needs."""
    setattr(world, name, value)
    return value


def _app_modules(name: str) -> list[Any]:
    """`polku.<app>.tests.<name>` of every app that has one, in a stable order."""
    found = []
    for info in sorted(pkgutil.iter_modules(polku.__path__), key=lambda i: i.name):
        module_name = f"polku.{info.name}.tests.{name}"
        try:
            found.append(importlib.import_module(module_name))
        except ModuleNotFoundError as error:
            if error.name not in {module_name, f"polku.{info.name}.tests"}:
                raise
    return found


def collected_api_cases() -> list[Case]:
    return [case for module in _app_modules("api_roles") for case in module.CASES]


def collected_pages() -> dict[str, PageCase]:
    pages: dict[str, PageCase] = {}
    for module in _app_modules("page_roles"):
        for key, value in module.PAGES.items():
            assert key not in pages, f"page {key} is listed twice"
            pages[key] = value
    return pages


def collected_posts() -> dict[str, Post]:
    posts: dict[str, Post] = {}
    for module in _app_modules("page_roles"):
        for key, value in getattr(module, "POSTS", {}).items():
            assert key not in posts, f"POST {key} is listed twice"
            posts[key] = value
    return posts
