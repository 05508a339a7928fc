"""The role matrix shared by every app's tests: the roles of the `world` fixture and expected statuses.

Each app lists its own REST cases in `polku/<app>/tests/api_roles.py` (a module-level `CASES` list of
`Case`) and its own pages in `polku/<app>/tests/page_roles.py` (a module-level `PAGES` dict). The core
role tests collect them all, so every route of the API and every listed page is called as every role,
and a route without a case fails the suite.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polku

ROLES = ("coord_a", "coord_b", "lead", "evaluator", "admin", "user_a", "stranger", "anonymous")
PAGE_ROLES = ["anonymous", "coord_a", "coord_b", "lead", "evaluator", "admin", "user_a", "stranger"]


def expect(default: int, **statuses: int) -> dict[str, int]:
    """Expected status per role; anonymous requests are always refused with 403."""
    table = {role: statuses.get(role, default) for role in ROLES}
    table["anonymous"] = 403
    return table


EVERYONE = expect(200)
MEMBERS_READ = expect(404, coord_a=200, coord_b=200, lead=200, evaluator=200, admin=200)


def admin_only(ok: int) -> dict[str, int]:
    """Writes for platform admins, on an object the members see (others get 404)."""
    return expect(404, coord_a=403, coord_b=403, lead=403, evaluator=403, admin=ok)


def lead_or_admin(ok: int) -> dict[str, int]:
    return expect(404, coord_a=403, coord_b=403, lead=403, evaluator=403, admin=ok) | {"lead": ok}


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
