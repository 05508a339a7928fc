"""Every role against every page: who gets the page, who may post its form, and that refusals write nothing.

GET rows are `PAGES` (name -> (url_of(world), {role: status}, default status)); POST rows are `POSTS`
(`polku.testing.roles.Post`). The foundation's pages are here; every app lists its own in its
`tests/page_roles.py`. A page URL pattern of Polku without a row, or a page that takes a form without a
POST row, fails the suite (`test_every_page_is_in_the_matrix`, `test_every_form_page_has_post_rows`);
both go by URL patterns (paths), not URL names. A known access defect is written as the correct status
wrapped in `polku.testing.roles.Defect`, which makes that role's test xfail(strict=True).
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from polku.activities.models import ActivityEnrolment
from polku.audit.models import AuditEvent
from polku.consent.services import consent_give, notice_current
from polku.imports.models import ImportBatch
from polku.testing import factories as f
from polku.testing.asserts import present
from polku.testing.roles import (
    LEAD_ONLY,
    NON_MEMBERS,
    PAGE_ROLES,
    Post,
    collected_pages,
    collected_posts,
    marks_for,
)

ROLES = PAGE_ROLES
# Signed-in users who coordinate a partner (or administer the platform); everyone else signed in gets 403.
COORDINATORS = {"anonymous": 302, "coord_a": 200, "coord_b": 200, "admin": 200}
# Participant a's own data: they, their coordinator and admins; others do not learn it exists.
OWN_A = NON_MEMBERS | {"coord_a": 200, "admin": 200, "user_a": 200}
PUBLIC: dict[str, int] = {}  # everyone, signed in or not, gets the row's default


def _batch_of_a(w: Any) -> ImportBatch:
    """An uploaded list of partner a waiting for confirmation, with one valid row."""
    row = {
        "row": 2,
        "values": {
            "first_name": "Ada",
            "last_name": "Li",
            "email": "ada@example.org",
            "entry_date": "2025-03-01",
            "date_of_birth": "1990-05-17",
            "gender": "woman",
            "labour_status": "unemployed",
        },
        "errors": {},
    }
    return ImportBatch.objects.create(
        partner=w.a, uploaded_by=w.coord_a, filename="list.csv", status=ImportBatch.Status.PREVIEW, rows=[row]
    )


# page -> (url_of(world), {role: expected status}, default status)
PAGES = {
    # the home page: a welcome for visitors, a start page for everyone with a role in a project (and
    # admins), a participant's hub of cards, the signed-in without a role a short page
    "home": (
        lambda w: reverse("home"),
        {"anonymous": 200, "stranger": 200, "user_a": 200},
        200,
    ),
    "project_list": (
        lambda w: reverse("projects:list"),
        {"anonymous": 302, "user_a": 200, "stranger": 200},
        200,
    ),
    # members of the project (mentors and employer representatives too) see its structure, counts only
    # those who may (projects/tests/test_api.py)
    "project_detail": (
        lambda w: reverse("projects:detail", args=[w.project.code]),
        {"anonymous": 302, "user_a": 404, "stranger": 404},
        200,
    ),
    # the project's own fields (name, funder, period, indicator set): platform admins only
    "project_edit": (
        lambda w: reverse("projects:edit", args=[w.project.code]),
        {"anonymous": 302, "admin": 200, "user_a": 404, "stranger": 404},
        403,
    ),
    "organisation": (
        lambda w: reverse("organisations:detail", args=[w.a.organisation_id]),
        {"anonymous": 302, "user_a": 404, "stranger": 404},
        200,
    ),
    # the organisations the reader sees: members of projects (their projects' organisations), admins (all)
    "organisation_list": (
        lambda w: reverse("organisations:list"),
        {"anonymous": 302, "user_a": 403, "stranger": 403},
        200,
    ),
    # adding and changing organisations, and creating projects: platform admins only
    "organisation_create": (lambda w: reverse("organisations:create"), {"anonymous": 302, "admin": 200}, 403),
    "organisation_edit": (
        lambda w: reverse("organisations:edit", args=[w.a.organisation_id]),
        {"anonymous": 302, "admin": 200, "user_a": 404, "stranger": 404},
        403,
    ),
    "project_create": (lambda w: reverse("projects:create"), {"anonymous": 302, "admin": 200}, 403),
    "participant_list": (lambda w: reverse("participants:list"), COORDINATORS, 403),
    "participant_detail_a": (
        lambda w: reverse("participants:detail", args=[w.part_a.pk]),
        {"anonymous": 302, "coord_a": 200, "admin": 200, "user_a": 302},
        404,
    ),
    "participant_edit_a": (lambda w: reverse("participants:edit", args=[w.part_a.pk]), OWN_A, 404),
    "entry_data_a": (lambda w: reverse("participants:entry_data", args=[w.part_a.pk]), OWN_A, 404),
    "participant_create": (
        lambda w: reverse("participants:create") + f"?partner={w.a.pk}",
        {"anonymous": 302, "coord_a": 200, "admin": 200, "coord_b": 404},
        403,
    ),
    "me": (lambda w: reverse("participants:me"), {"anonymous": 302, "user_a": 200}, 403),
    "audit": (lambda w: reverse("audit:list"), COORDINATORS, 403),
    # the participant import: coordinators for their own partners, admins for any
    "imports_upload": (lambda w: reverse("imports:upload"), COORDINATORS, 403),
    "imports_template": (lambda w: reverse("imports:template"), COORDINATORS, 403),
    "imports_detail_a": (
        lambda w: reverse("imports:detail", args=[_batch_of_a(w).pk]),
        COORDINATORS | {"coord_b": 404},
        403,
    ),
    # registration links: coordinators manage their partners' links; the link itself is public
    "registration_manage": (lambda w: reverse("registration:manage"), COORDINATORS, 403),
    "registration_register_a": (
        lambda w: reverse("registration:register", args=[w.a.registration_code]),
        PUBLIC,
        200,
    ),
    "registration_thanks_a": (
        lambda w: reverse("registration:thanks", args=[w.a.registration_code]),
        PUBLIC,
        200,
    ),
}

NEW_PERSON = {
    "person-first_name": "Leila",
    "person-last_name": "Haddad",
    "person-email": "leila@example.org",
    "person-preferred_language": "fi",
    "entry-date_of_birth": "1988-02-29",
    "entry-gender": "woman",
    "entry-labour_status": "employed",
    "consent-entry_date": "2025-03-01",
    "consent-purposes": ["participation"],
    "consent-notice_language": "en",
}
PERSON_A = {
    "person-first_name": "Amina",
    "person-last_name": "Yusuf",
    "person-email": "participant.a@example.org",
    "person-phone": "+358 40 123 4567",
    "person-preferred_language": "en",
}

POSTS = {
    "project_create": Post(
        lambda w: reverse("projects:create"),
        lambda w: {
            "name": "Crossing Borders",
            "code": "CB-2025",
            "funder": "erasmus_plus",
            "starts_on": "2025-01-01",
            "ends_on": "2026-12-31",
            "languages": "sv, fi, no, en",
        },
        {"anonymous": 302, "admin": 302},
        403,
    ),
    "organisation_create": Post(
        lambda w: reverse("organisations:create"),
        lambda w: {"name": "Folkuniversitetet", "kind": "association", "country": "SE"},
        {"anonymous": 302, "admin": 302},
        403,
    ),
    "organisation_edit": Post(
        lambda w: reverse("organisations:edit", args=[w.a.organisation_id]),
        lambda w: {"name": "City of A, renamed", "kind": "city", "country": "FI"},
        {"anonymous": 302, "admin": 302, "user_a": 404, "stranger": 404},
        403,
    ),
    "project_edit": Post(
        lambda w: reverse("projects:edit", args=[w.project.code]),
        lambda w: {
            "name": "Test project renamed",
            "code": w.project.code,
            "funder": w.project.funder,
            "starts_on": "2025-01-01",
            "ends_on": "2027-12-31",
            "languages": "fi, en",
        },
        {"anonymous": 302, "admin": 302, "user_a": 404, "stranger": 404},
        403,
    ),
    # a coordinator registers a participant of their own partner
    "participant_create": Post(
        lambda w: reverse("participants:create"),
        lambda w: NEW_PERSON | {"partner": w.a.pk},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    "participant_edit_a": Post(
        lambda w: reverse("participants:edit", args=[w.part_a.pk]),
        lambda w: PERSON_A,
        NON_MEMBERS | {"coord_a": 302, "admin": 302, "user_a": 302},
        404,
    ),
    "entry_data_a": Post(
        lambda w: reverse("participants:entry_data", args=[w.part_a.pk]),
        lambda w: {"date_of_birth": "1990-05-17", "gender": "declined"},
        NON_MEMBERS | {"coord_a": 302, "admin": 302, "user_a": 302},
        404,
    ),
    # the exit date: the participant's coordinator (the person sees the participation, but is refused)
    "participant_exit_a": Post(
        lambda w: reverse("participants:exit", args=[w.part_a.pk]),
        lambda w: {"exit_date": "2025-06-30"},
        NON_MEMBERS | {"coord_a": 302, "admin": 302, "user_a": 403},
        404,
    ),
    # only the person withdraws their own consent
    "consent_withdraw_a": Post(
        lambda w: reverse("participants:consent_withdraw", args=[_consent_of_a(w)]),
        lambda w: {},
        {"anonymous": 302, "user_a": 302},
        403,
    ),
    "imports_upload": Post(
        lambda w: reverse("imports:upload"),
        lambda w: {"partner": w.a.pk, "file": _csv_upload()},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 200},
        403,
    ),
    "imports_confirm_a": Post(
        lambda w: reverse("imports:confirm", args=[_batch_of_a(w).pk]),
        lambda w: {"rows": ["2"]},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    "imports_discard_a": Post(
        lambda w: reverse("imports:discard", args=[_batch_of_a(w).pk]),
        lambda w: {},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    "registration_set_open_a": Post(
        lambda w: reverse("registration:set_open", args=[w.a.pk]),
        lambda w: {"open": "0"},
        {"anonymous": 302, "coord_a": 302, "admin": 302, "coord_b": 404},
        403,
    ),
    # the public link: anyone may post it; a form with a missing field comes back with its errors
    "registration_register_a": Post(
        lambda w: reverse("registration:register", args=[w.a.registration_code]),
        lambda w: {"first_name": "Leila"},
        PUBLIC,
        200,
    ),
}


def _consent_of_a(w: Any) -> int:
    notice = present(notice_current(project_id=w.project.pk, language="en"))
    (consent,) = consent_give(
        actor=None,
        person=w.part_a.person,
        project_id=w.project.pk,
        purposes=["communications"],
        notice=notice,
    )
    return consent.pk


def _csv_upload() -> SimpleUploadedFile:
    text = (
        "first_name;last_name;email;entry_date;date_of_birth;gender;labour_status\r\n"
        "Ada;Li;ada@example.org;2025-03-01;1990-05-17;woman;unemployed\r\n"
    )
    return SimpleUploadedFile("list.csv", text.encode())


# ------------------------------------------------------------------------------------------------------
# Activities, targets, work packages and privacy notices of a project. These pages may move to their own
# app (polku/activities) with the same paths, so the rows build their URLs from the paths, not the URL
# names; the block can move as a whole into that app's tests/page_roles.py.
# ------------------------------------------------------------------------------------------------------


def _project_path(w: Any, rest: str = "") -> str:
    return f"/projects/{w.project.code}/{rest}"


def _enrolled_activity_of_a(w: Any) -> Any:
    """An activity of partner a with participant a enrolled."""
    activity = f.ActivityFactory(partner=w.a)
    ActivityEnrolment.objects.create(
        activity=activity, participation=w.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    return activity


# the lead (and admins) edit the project's structure; other members are refused, non-members get 404
LEAD_WRITES = NON_MEMBERS | {"lead": 302, "admin": 302}
# the lead for any partner, a coordinator of the partner running it
ACTIVITY_A_WRITES = LEAD_WRITES | {"coord_a": 302}

ACTIVITY_PAGES = {
    # the project's partners: the project lead and platform admins add, change and remove them
    "partner_create": (lambda w: _project_path(w, "partners/new/"), LEAD_ONLY, 403),
    "partner_edit": (lambda w: _project_path(w, f"partners/{w.b.pk}/edit/"), LEAD_ONLY, 403),
    "partner_delete": (lambda w: _project_path(w, f"partners/{w.b.pk}/delete/"), LEAD_ONLY, 403),
    "work_package_create": (lambda w: _project_path(w, "work-packages/new/"), LEAD_ONLY, 403),
    "work_package_edit": (
        lambda w: _project_path(w, f"work-packages/{f.WorkPackageFactory(project=w.project).pk}/edit/"),
        LEAD_ONLY,
        403,
    ),
    "work_package_delete": (
        lambda w: _project_path(w, f"work-packages/{f.WorkPackageFactory(project=w.project).pk}/delete/"),
        LEAD_ONLY,
        403,
    ),
    "target_create": (lambda w: _project_path(w, "targets/new/"), LEAD_ONLY, 403),
    "target_edit": (
        lambda w: _project_path(w, f"targets/{f.TargetFactory(project=w.project).pk}/edit/"),
        LEAD_ONLY,
        403,
    ),
    "target_delete": (
        lambda w: _project_path(w, f"targets/{f.TargetFactory(project=w.project).pk}/delete/"),
        LEAD_ONLY,
        403,
    ),
    # activities: the lead for any partner, a coordinator for their own
    "activity_create": (
        lambda w: _project_path(w, "activities/new/"),
        NON_MEMBERS | {"coord_a": 200, "coord_b": 200, "lead": 200, "admin": 200},
        403,
    ),
    # members see an activity (its roster only those who see counts, its people only coordinators)
    "activity_detail": (
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.a).pk}/"),
        NON_MEMBERS,
        200,
    ),
    "activity_edit": (
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.a).pk}/edit/"),
        LEAD_ONLY | {"coord_a": 200},
        403,
    ),
    "activity_delete": (
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.a).pk}/delete/"),
        LEAD_ONLY | {"coord_a": 200},
        403,
    ),
    # the privacy notice's versions: every member reads them; the lead publishes the next one
    "privacy": (lambda w: _project_path(w, "privacy/"), NON_MEMBERS, 200),
}

ACTIVITY_POSTS = {
    "partner_create": Post(
        lambda w: _project_path(w, "partners/new/"),
        lambda w: {"organisation": f.OrganisationFactory(name="New partner org").pk, "country": "SE"},
        LEAD_WRITES,
        403,
    ),
    "partner_edit": Post(
        lambda w: _project_path(w, f"partners/{w.b.pk}/edit/"),
        lambda w: {"country": "NO", "part_description": "Changed"},
        LEAD_WRITES,
        403,
    ),
    # partner b has a participant: the lead's removal is refused with the reason (400, nothing removed)
    "partner_delete": Post(
        lambda w: _project_path(w, f"partners/{w.b.pk}/delete/"),
        lambda w: {},
        NON_MEMBERS | {"lead": 400, "admin": 400},
        403,
    ),
    "work_package_create": Post(
        lambda w: _project_path(w, "work-packages/new/"),
        lambda w: {"number": 7, "name": "Mentoring"},
        LEAD_WRITES,
        403,
    ),
    "work_package_edit": Post(
        lambda w: _project_path(w, f"work-packages/{f.WorkPackageFactory(project=w.project).pk}/edit/"),
        lambda w: {"number": 8, "name": "Renamed"},
        LEAD_WRITES,
        403,
    ),
    "work_package_delete": Post(
        lambda w: _project_path(w, f"work-packages/{f.WorkPackageFactory(project=w.project).pk}/delete/"),
        lambda w: {},
        LEAD_WRITES,
        403,
    ),
    "target_create": Post(
        lambda w: _project_path(w, "targets/new/"),
        lambda w: {"label": "Started", "metric": "participants", "value": 40},
        LEAD_WRITES,
        403,
    ),
    "target_edit": Post(
        lambda w: _project_path(w, f"targets/{f.TargetFactory(project=w.project).pk}/edit/"),
        lambda w: {"label": "Started", "metric": "participants", "value": 60},
        LEAD_WRITES,
        403,
    ),
    "target_delete": Post(
        lambda w: _project_path(w, f"targets/{f.TargetFactory(project=w.project).pk}/delete/"),
        lambda w: {},
        LEAD_WRITES,
        403,
    ),
    "activity_create": Post(
        lambda w: _project_path(w, "activities/new/"),
        lambda w: {"name": "Finnish", "kind": "training", "partner": w.a.pk},
        # coord_b may add activities, but not for partner a: the form sends the choice back (400)
        ACTIVITY_A_WRITES | {"coord_b": 400},
        403,
    ),
    "activity_edit": Post(
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.a).pk}/edit/"),
        lambda w: {"name": "Renamed", "kind": "training", "partner": w.a.pk},
        ACTIVITY_A_WRITES,
        403,
    ),
    "activity_delete": Post(
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.a).pk}/delete/"),
        lambda w: {},
        ACTIVITY_A_WRITES,
        403,
    ),
    # coordinators enrol their own partner's people (in any partner's activity of the project)
    "activity_enrol": Post(
        lambda w: _project_path(w, f"activities/{f.ActivityFactory(partner=w.b).pk}/enrol/"),
        lambda w: {"participations": [w.part_a.pk], "enrolled_on": "2025-05-02"},
        # coord_b may enrol, but participant a is not theirs to choose: the page comes back with the error
        NON_MEMBERS | {"coord_a": 302, "admin": 302, "coord_b": 400},
        403,
    ),
    # removing someone from an activity: a coordinator of the person's partner (the others are told so)
    "activity_unenrol": Post(
        lambda w: _project_path(w, f"activities/{_enrolled_activity_of_a(w).pk}/unenrol/"),
        lambda w: {"participation": w.part_a.pk},
        NON_MEMBERS | {"coord_a": 302, "admin": 302},
        403,
    ),
    "privacy_publish": Post(
        lambda w: _project_path(w, "privacy/"),
        lambda w: {"title_en": "Privacy notice", "body_en": "Version two."},
        LEAD_WRITES,
        403,
    ),
}
# ------------------------------------------------------------------------------------------------------
# end of the activities block
# ------------------------------------------------------------------------------------------------------


def _merged(*tables: dict[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for table in tables:
        twice = sorted(merged.keys() & table.keys())
        assert not twice, f"rows listed twice: {twice}"
        merged |= table
    return merged


# The foundation's pages, then every app's own `tests/page_roles.py`.
PAGES = _merged(PAGES, ACTIVITY_PAGES, collected_pages())
POSTS = _merged(POSTS, ACTIVITY_POSTS, collected_posts())


def _params(rows: dict[str, Any], expected_of: Any) -> list[Any]:
    return [
        pytest.param(name, role, id=f"{role}-{name}", marks=marks_for(expected_of(rows[name], role)))
        for name in sorted(rows)
        for role in ROLES
    ]


def _expected_get(row: Any, role: str) -> int:
    _url_of, expected, default = row
    return expected.get(role, default)


def _expected_post(row: Post, role: str) -> int:
    return row.expected.get(role, row.default)


def _login(client: Any, world: Any, role: str) -> None:
    if role != "anonymous":
        client.force_login(getattr(world, role))


@pytest.mark.parametrize(("page", "role"), _params(PAGES, _expected_get))
def test_role_matrix(client, matrix_world, page, role):
    url = PAGES[page][0](matrix_world)
    _login(client, matrix_world, role)
    response = client.get(url)
    assert response.status_code == _expected_get(PAGES[page], role), (page, role)


# Statements that change rows. The session (written at sign-in) is not Polku's data; the audit log is
# checked by its events instead, since a page may log that a refused user read what it showed them.
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
NOT_DATA = ('"django_session"', 'INTO "audit_auditevent"')


@contextmanager
def _writes() -> Iterator[list[str]]:
    """The SQL statements that changed Polku's rows while the block ran, and audit events other than reads."""
    written: list[str] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        if WRITE.match(sql) and not any(table in sql for table in NOT_DATA):
            written.append(sql)
        return execute(sql, params, many, context)

    logged = AuditEvent.objects.exclude(action=AuditEvent.Action.READ)
    before = logged.count()
    with connection.execute_wrapper(record):
        yield written
    written += [f"{event.action} {event.object_type} (audit)" for event in logged.order_by("pk")[before:]]


def _refused(role: str, status: int, response: Any) -> bool:
    if status in (403, 404, 405):
        return True
    login = reverse(settings.LOGIN_URL)
    return role == "anonymous" and status == 302 and response["Location"].startswith(login)


@pytest.mark.parametrize(("page", "role"), _params(POSTS, _expected_post))
def test_post_matrix(client, matrix_world, page, role):
    row = POSTS[page]
    url, body = row.url(matrix_world), row.body(matrix_world)
    _login(client, matrix_world, role)
    with _writes() as written:
        response = client.post(url, body)
    assert response.status_code == _expected_post(row, role), (page, role)
    if _refused(role, response.status_code, response):
        assert written == [], f"{page} refused {role} but wrote: {written}"


def test_the_write_check_sees_a_write(matrix_world):
    with _writes() as written:
        target = f.TargetFactory(project=matrix_world.project)
    assert [sql for sql in written if f'"{target._meta.db_table}"' in sql]


# Page URL patterns left out of the page matrix, by the start of their path, and why.
EXCLUDED = {
    "api/": "the REST API, its schema and docs: every API route has a case in test_api_roles.py",
    "admin/": "Django's admin site: platform admins only, guarded by Django itself",
    "accounts/": "allauth's sign-in, sign-up, password, e-mail and MFA pages (polku/accounts/tests)",
    "i18n/": "Django's language switch (set_language), the same for everyone",
    "healthz": "the load balancer's health check: no personal data, no user",
    "static/": "static files: served by the web server or WhiteNoise, not Polku's views",
    "media/": "uploaded files: not served by Polku's views",
}


def _page_patterns() -> dict[str, Any]:
    """Every URL pattern of the project, as the route `resolve()` reports, with its view."""
    found: dict[str, Any] = {}

    def walk(patterns: list[Any], prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern):
                found[route] = pattern.callback

    walk(get_resolver().url_patterns, "")
    return {route: view for route, view in found.items() if not route.startswith(tuple(EXCLUDED))}


def _route(url_of: Any, world: Any) -> str:
    """The URL pattern a row calls; what the row builds for it is rolled back (rows may clash)."""
    with transaction.atomic():
        url = url_of(copy.deepcopy(world))
        transaction.set_rollback(True)
    return resolve(urlsplit(url).path).route


def test_every_page_is_in_the_matrix(matrix_world):
    covered = {_route(row[0], matrix_world) for row in PAGES.values()}
    covered |= {_route(row.url, matrix_world) for row in POSTS.values()}
    missing = sorted(set(_page_patterns()) - covered)
    assert missing == [], f"page patterns without a row in the page matrix: {missing}"


def _takes_posts(view: Any) -> bool:
    """The view reads a posted form: its source, or that of a private helper of its module it calls
    (`_edit`, `_exit_form_page`, …), mentions POST."""
    function = inspect.unwrap(view)
    source = inspect.getsource(function)
    for name in set(re.findall(r"\b(_[a-z]\w*)\(", source)):
        helper = function.__globals__.get(name)
        if inspect.isfunction(helper):
            source += inspect.getsource(helper)
    return "POST" in source


# Pages whose view shares a helper with a form page (so mentions POST) but whose own forms post elsewhere.
FORMS_POSTED_ELSEWHERE = {
    "projects/<str:code>/activities/<int:pk>/": "the activity's page: its forms post to enrol/ and unenrol/",
    "mentor-days/<int:pk>/": "a mentor day's page: its forms post to book/ and waitlist/",
    "mentor-days/<int:pk>/manage/": "the manager's page of a day: its forms post to experts/ and slots/",
}


def test_every_form_page_has_post_rows(matrix_world):
    posted = {_route(row.url, matrix_world) for row in POSTS.values()}
    forms = {route for route, view in _page_patterns().items() if _takes_posts(view)}
    missing = sorted(forms - posted - set(FORMS_POSTED_ELSEWHERE))
    assert missing == [], f"pages that take a form without a POST row: {missing}"


def test_project_lead_sees_partner_counts_but_a_coordinator_only_their_own(client, matrix_world):
    world = matrix_world
    client.force_login(world.lead)
    partners = {
        p.pk: p for p in client.get(reverse("projects:detail", args=[world.project.code])).context["partners"]
    }
    assert partners[world.a.pk].count_visible and partners[world.b.pk].count_visible
    client.force_login(world.coord_a)
    partners = {
        p.pk: p for p in client.get(reverse("projects:detail", args=[world.project.code])).context["partners"]
    }
    assert partners[world.a.pk].count_visible and not partners[world.b.pk].count_visible


def test_audit_log_is_partner_isolated(client, matrix_world):
    world = matrix_world
    client.force_login(world.coord_a)
    client.get(reverse("participants:detail", args=[world.part_a.pk]))
    client.force_login(world.coord_b)
    client.get(reverse("participants:detail", args=[world.part_b.pk]))
    client.force_login(world.coord_a)
    events = list(client.get(reverse("audit:list")).context["page"].object_list)
    assert events and all(e.partner_id == world.a.pk for e in events)
