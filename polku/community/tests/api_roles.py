"""Role-matrix cases of the community API (collected by polku/core/tests/test_api_roles.py).

Members (participant a, the mentor, the employer representative) keep their own profile; the routes about
other members need the reader's own profile in the directory, which the cases put in for participant a only
(the mentor and the employer, not in it, get 404 like staff and strangers)."""

from __future__ import annotations

from typing import Any

from polku.community.tests.factories import profile_on
from polku.community.tests.page_roles import _report_by_a, _request_to_a, both_on, connected
from polku.testing.roles import Case, expect

MEMBERS = {"user_a": 200, "mentor": 200, "employer": 200}


def _a_on(w: Any) -> None:
    profile_on(w.user_a, display_name="Amina")


def members(ok: int) -> dict[str, int]:
    return expect(404, user_a=ok, mentor=ok, employer=ok)


def a_only(ok: int) -> dict[str, int]:
    return expect(404, user_a=ok)


def _on(method: str, url: str, body: dict | None = None):
    def request(w: Any) -> tuple[str, str, dict | None]:
        _a_on(w)
        return method, url, body

    return request


def _b(method: str, suffix: str, body: dict | None = None, make: Any = both_on):
    return lambda w: (method, f"/api/v1/community/profiles/{make(w)}/{suffix}", body)


def _own_profile(w: Any) -> tuple[str, str, None]:
    # every member has one (a mentor's and an employer's too); staff have none
    for role in ("user_a", "mentor", "employer"):
        profile_on(getattr(w, role), display_name=role)
    return "get", "/api/v1/community/me/profile/", None


CASES = [
    Case("community-my-profile", _own_profile, members(200)),
    Case(
        "community-my-profile",
        lambda w: (
            "patch",
            "/api/v1/community/me/profile/",
            {"display_name": "Me", "skills_audience": "project"},
        ),
        members(200),
    ),
    Case("community-my-directory", lambda w: ("post", "/api/v1/community/me/directory/", None), members(200)),
    Case(
        "community-my-directory", lambda w: ("delete", "/api/v1/community/me/directory/", None), members(204)
    ),
    # a JSON body without a file: members get 400 (the photo is required), others 404
    Case("community-my-photo", lambda w: ("put", "/api/v1/community/me/photo/", {}), members(415)),
    Case("community-profile-list", _on("get", "/api/v1/community/profiles/?country=FI"), a_only(200)),
    Case("community-profile-detail", _b("get", ""), a_only(200)),
    Case("community-connect", _b("post", "connect/", {"message": "Hi"}), a_only(201)),
    Case("community-block", _b("post", "block/"), a_only(204)),
    Case("community-block", _b("delete", "block/"), members(204)),
    Case("community-report-create", _b("post", "report/", {"reason": "Spam"}), a_only(201)),
    Case("community-messages", _b("get", "messages/", make=connected), a_only(200)),
    Case("community-messages", _b("post", "messages/", {"body": "Hello"}, make=connected), a_only(201)),
    Case("community-suggestions", _on("get", "/api/v1/community/suggestions/"), a_only(200)),
    Case("community-connection-list", _on("get", "/api/v1/community/connections/"), a_only(200)),
    Case(
        "community-connection-answer",
        lambda w: ("post", f"/api/v1/community/connections/{_request_to_a(w)}/answer/", {"accept": True}),
        a_only(200),
    ),
    Case("community-thread-list", lambda w: ("get", "/api/v1/community/threads/", None), members(200)),
    Case(
        "community-report-list",
        lambda w: ("get", "/api/v1/community/reports/", None),
        expect(404, coord_a=200, coord_b=200, admin=200),
    ),
    Case(
        "community-report-handle",
        lambda w: ("post", f"/api/v1/community/reports/{_report_by_a(w)}/handle/", {"hide": True}),
        expect(404, coord_a=200, admin=200),
    ),
    Case(
        "community-sharing",
        lambda w: ("get", f"/api/v1/projects/{w.project.code}/directory-sharing/", None),
        expect(404, lead=200, admin=200, coord_a=403, coord_b=403, evaluator=403, mentor=403, employer=403),
    ),
    Case(
        "community-sharing",
        lambda w: (
            "put",
            f"/api/v1/projects/{w.project.code}/directory-sharing/",
            {"enabled": True, "partners": []},
        ),
        expect(404, lead=200, admin=200, coord_a=403, coord_b=403, evaluator=403, mentor=403, employer=403),
    ),
    Case(
        "community-counts",
        lambda w: ("get", f"/api/v1/projects/{w.project.code}/community-counts/", None),
        expect(404, lead=200, admin=200, coord_a=200, coord_b=200, evaluator=200, mentor=403, employer=403),
    ),
]
