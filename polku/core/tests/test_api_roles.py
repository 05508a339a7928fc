"""Every REST endpoint against every role of the matrix's world (the `world` fixture with a mentor and an
employer representative, built once per module: polku/core/tests/conftest.py).

404 means "not yours to know about" (another project's or another partner's data), 403 means "you
see it but may not do this" (and is what DRF answers anonymous requests with session auth).
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.urls import resolve
from rest_framework.test import APIClient

from polku.activities.models import ActivityEnrolment
from polku.consent.services import consent_give, notice_current
from polku.testing import factories as f
from polku.testing.roles import (
    EVERYONE,
    MEMBERS_READ,
    ROLES,
    STAFF_READ,
    Case,
    admin_only,
    collected_api_cases,
    expect,
    lead_or_admin,
    marks_for,
    own_person,
)


def _consent_of_a(w: Any) -> int:
    notice = notice_current(project_id=w.project.pk, language="en")
    assert notice is not None
    (consent,) = consent_give(
        actor=None,
        person=w.part_a.person,
        project_id=w.project.pk,
        purposes=["communications"],
        notice=notice,
    )
    return consent.pk


def _enrolled_activity(w: Any) -> int:
    """An activity of partner b with participant a (of partner a) enrolled."""
    activity = f.ActivityFactory(partner=w.b)
    ActivityEnrolment.objects.create(
        activity=activity, participation=w.part_a, enrolled_on=dt.date(2025, 5, 1)
    )
    return activity.pk


PROJECT = "/api/v1/projects/S29999"
NEW_PERSON = {
    "partner": None,
    "first_name": "Leila",
    "last_name": "Haddad",
    "email": "leila@example.org",
    "date_of_birth": "1988-02-29",
    "gender": "woman",
    "labour_status": "employed",
}

CASES = [
    Case("me", lambda w: ("get", "/api/v1/me/", None), EVERYONE),
    # who has seen or changed my data: participants only (others have no person to ask about)
    Case("me-data-access", lambda w: ("get", "/api/v1/me/data-access/", None), expect(403, user_a=200)),
    # organisations
    Case("organisation-list", lambda w: ("get", "/api/v1/organisations/", None), EVERYONE),
    Case(
        "organisation-retrieve",
        lambda w: ("get", f"/api/v1/organisations/{w.a.organisation_id}/", None),
        MEMBERS_READ,
    ),
    Case(
        "organisation-create",
        lambda w: (
            "post",
            "/api/v1/organisations/",
            {"name": "Espoon kaupunki", "kind": "city", "country": "FI", "business_id": "0101263-6"},
        ),
        expect(403, admin=201),
    ),
    Case(
        "organisation-update",
        lambda w: ("patch", f"/api/v1/organisations/{w.a.organisation_id}/", {"name": "A"}),
        admin_only(200),
    ),
    # projects
    Case("project-list", lambda w: ("get", "/api/v1/projects/", None), EVERYONE),
    Case("project-retrieve", lambda w: ("get", f"{PROJECT}/", None), MEMBERS_READ),
    Case(
        "project-create",
        lambda w: (
            "post",
            "/api/v1/projects/",
            {
                "name": "DigiPoint",
                "code": "S30001",
                "funder": "esf_plus_2021",
                "starts_on": "2025-01-01",
                "ends_on": "2027-12-31",
                "languages": ["fi", "en"],
            },
        ),
        expect(403, admin=201),
    ),
    Case("project-update", lambda w: ("patch", f"{PROJECT}/", {"programme": "Priority 4"}), admin_only(200)),
    Case(
        "project-update-indicator-set",
        lambda w: ("patch", f"{PROJECT}/", {"indicator_set": "esf_2014"}),
        admin_only(200),
    ),
    Case("participant-counts", lambda w: ("get", f"{PROJECT}/participant-counts/", None), STAFF_READ),
    # partners
    Case("partner-list", lambda w: ("get", f"{PROJECT}/partners/", None), MEMBERS_READ),
    Case("partner-retrieve", lambda w: ("get", f"{PROJECT}/partners/{w.b.pk}/", None), MEMBERS_READ),
    Case(
        "partner-create",
        lambda w: (
            "post",
            f"{PROJECT}/partners/",
            {"organisation": f.OrganisationFactory().pk, "country": "SE"},
        ),
        lead_or_admin(201),
    ),
    Case(
        "partner-update",
        lambda w: ("patch", f"{PROJECT}/partners/{w.b.pk}/", {"registration_open": False}),
        lead_or_admin(200),
    ),
    Case(
        "partner-delete",
        lambda w: ("delete", f"{PROJECT}/partners/{f.PartnerFactory(project=w.project).pk}/", None),
        lead_or_admin(204),
    ),
    # work packages
    Case("work-package-list", lambda w: ("get", f"{PROJECT}/work-packages/", None), MEMBERS_READ),
    Case(
        "work-package-create",
        lambda w: ("post", f"{PROJECT}/work-packages/", {"number": 7, "name": "Mentoring"}),
        lead_or_admin(201),
    ),
    Case(
        "work-package-retrieve",
        lambda w: ("get", f"{PROJECT}/work-packages/{f.WorkPackageFactory(project=w.project).pk}/", None),
        MEMBERS_READ,
    ),
    Case(
        "work-package-update",
        lambda w: (
            "patch",
            f"{PROJECT}/work-packages/{f.WorkPackageFactory(project=w.project).pk}/",
            {"responsible": w.b.pk},
        ),
        lead_or_admin(200),
    ),
    Case(
        "work-package-delete",
        lambda w: ("delete", f"{PROJECT}/work-packages/{f.WorkPackageFactory(project=w.project).pk}/", None),
        lead_or_admin(204),
    ),
    # targets
    Case("target-list", lambda w: ("get", f"{PROJECT}/targets/", None), MEMBERS_READ),
    Case(
        "target-create",
        lambda w: (
            "post",
            f"{PROJECT}/targets/",
            {"metric": "participants", "label": "Started", "value": 40},
        ),
        lead_or_admin(201),
    ),
    Case(
        "target-retrieve",
        lambda w: ("get", f"{PROJECT}/targets/{f.TargetFactory(project=w.project).pk}/", None),
        MEMBERS_READ,
    ),
    Case(
        "target-update",
        lambda w: ("patch", f"{PROJECT}/targets/{f.TargetFactory(project=w.project).pk}/", {"value": 60}),
        lead_or_admin(200),
    ),
    Case(
        "target-delete",
        lambda w: ("delete", f"{PROJECT}/targets/{f.TargetFactory(project=w.project).pk}/", None),
        lead_or_admin(204),
    ),
    # activities and enrolments
    Case("activity-list", lambda w: ("get", f"{PROJECT}/activities/", None), MEMBERS_READ),
    Case(
        "activity-create",
        lambda w: (
            "post",
            f"{PROJECT}/activities/",
            {"partner": w.a.pk, "kind": "training", "name": "Finnish"},
        ),
        expect(404, coord_a=201, coord_b=403, lead=201, evaluator=403, mentor=403, employer=403, admin=201),
    ),
    Case(
        "activity-retrieve",
        lambda w: ("get", f"{PROJECT}/activities/{f.ActivityFactory(partner=w.a).pk}/", None),
        MEMBERS_READ,
    ),
    Case(
        "activity-update",
        lambda w: (
            "patch",
            f"{PROJECT}/activities/{f.ActivityFactory(partner=w.a).pk}/",
            {"name": "Renamed"},
        ),
        lead_or_admin(200) | {"coord_a": 200},
    ),
    Case(
        "activity-delete",
        lambda w: ("delete", f"{PROJECT}/activities/{f.ActivityFactory(partner=w.a).pk}/", None),
        lead_or_admin(204) | {"coord_a": 204},
    ),
    Case(
        "enrolment-list",
        lambda w: ("get", f"{PROJECT}/activities/{_enrolled_activity(w)}/enrolments/", None),
        MEMBERS_READ,
    ),
    Case(
        "enrolment-create",
        lambda w: (
            "post",
            f"{PROJECT}/activities/{f.ActivityFactory(partner=w.b).pk}/enrolments/",
            {"participations": [w.part_a.pk]},
        ),
        expect(404, coord_a=201, coord_b=403, lead=403, evaluator=403, mentor=403, employer=403, admin=201),
    ),
    Case(
        "enrolment-delete",
        lambda w: ("delete", f"{PROJECT}/activities/{_enrolled_activity(w)}/enrolments/{w.part_a.pk}/", None),
        expect(404, coord_a=204, admin=204),
    ),
    # privacy notices
    Case("privacy-notice-list", lambda w: ("get", f"{PROJECT}/privacy-notices/", None), MEMBERS_READ),
    Case(
        "privacy-notice-publish",
        lambda w: ("post", f"{PROJECT}/privacy-notices/", {"title_en": "Privacy notice", "body_en": "Text"}),
        lead_or_admin(201),
    ),
    # participants
    Case("participation-list", lambda w: ("get", "/api/v1/participants/", None), EVERYONE),
    Case(
        "participation-create",
        lambda w: ("post", "/api/v1/participants/", NEW_PERSON | {"partner": w.a.pk}),
        expect(403, coord_a=201, admin=201),
    ),
    Case(
        "participation-retrieve",
        lambda w: ("get", f"/api/v1/participants/{w.part_a.pk}/", None),
        own_person(200),
    ),
    Case(
        "participation-exit",
        lambda w: ("post", f"/api/v1/participants/{w.part_a.pk}/exit/", {"exit_date": "2025-06-30"}),
        own_person(200) | {"user_a": 403},
    ),
    Case(
        "entry-data-retrieve",
        lambda w: ("get", f"/api/v1/participants/{w.part_a.pk}/entry-data/", None),
        own_person(200),
    ),
    Case(
        "entry-data-replace",
        lambda w: (
            "put",
            f"/api/v1/participants/{w.part_a.pk}/entry-data/",
            {"date_of_birth": "1990-05-17", "gender": "declined"},
        ),
        own_person(200),
    ),
    Case(
        "person-update",
        lambda w: ("patch", f"/api/v1/participants/{w.part_a.pk}/person/", {"phone": "+358 40 123 4567"}),
        own_person(200),
    ),
    # consents
    Case(
        "consent-list",
        lambda w: ("get", f"/api/v1/participants/{w.part_a.pk}/consents/", None),
        own_person(200),
    ),
    Case(
        "consent-give",
        lambda w: ("post", f"/api/v1/participants/{w.part_a.pk}/consents/", {"purposes": ["directory"]}),
        own_person(201),
    ),
    Case(
        "consent-withdraw",
        lambda w: ("post", f"/api/v1/consents/{_consent_of_a(w)}/withdraw/", None),
        own_person(200),
    ),
]


# The foundation's cases, then every app's own `tests/api_roles.py`.
ALL_CASES = CASES + collected_api_cases()


def client_for(world: Any, role: str) -> APIClient:
    client = APIClient()
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


@pytest.mark.parametrize(
    ("case", "role"),
    [
        pytest.param(case, role, id=f"{case.name}-{role}", marks=marks_for(case.expected[role]))
        for case in ALL_CASES
        for role in ROLES
    ],
)
def test_each_role_gets_the_expected_status(matrix_world, case: Case, role: str):
    method, url, body = case.request(matrix_world)
    response = getattr(client_for(matrix_world, role), method)(url, body, format="json")
    assert response.status_code == case.expected[role], response.content


def test_every_api_route_is_in_the_role_matrix(matrix_world):
    from config.api_urls import urlpatterns

    # A case may carry a query string (search routes); the route is its path.
    covered = {resolve(urlsplit(case.request(matrix_world)[1]).path).url_name for case in ALL_CASES}
    assert covered == {pattern.name for pattern in urlpatterns}


# What each role finds in the lists (lead and evaluator see no people, only counts; mentors and employer
# representatives neither).
LIST_VISIBILITY = {
    "coord_a": {"participants": ["Amina"], "organisations": 2, "projects": 1},
    "coord_b": {"participants": ["Bogdan"], "organisations": 2, "projects": 1},
    "lead": {"participants": [], "organisations": 2, "projects": 1},
    "evaluator": {"participants": [], "organisations": 2, "projects": 1},
    "mentor": {"participants": [], "organisations": 2, "projects": 1},
    "employer": {"participants": [], "organisations": 2, "projects": 1},
    # admins: the two partners', the matrix employer's (polku.testing.roles) and the one made below
    "admin": {"participants": ["Amina", "Bogdan"], "organisations": 4, "projects": 2},
    "user_a": {"participants": [], "organisations": 0, "projects": 0},
    "stranger": {"participants": [], "organisations": 0, "projects": 0},
}


@pytest.mark.parametrize("role", list(LIST_VISIBILITY))
def test_lists_show_each_role_only_what_is_theirs(matrix_world, role):
    f.PartnerFactory(organisation__name="Elsewhere Oy")  # another project, another organisation
    client = client_for(matrix_world, role)
    expected = LIST_VISIBILITY[role]
    people = client.get("/api/v1/participants/").json()["results"]
    assert sorted(p["person"]["first_name"] for p in people) == expected["participants"]
    assert client.get("/api/v1/organisations/").json()["count"] == expected["organisations"]
    assert client.get("/api/v1/projects/").json()["count"] == expected["projects"]


@pytest.mark.parametrize("role", ["mentor", "employer"])
def test_members_without_a_staff_role_see_no_one_enrolled(matrix_world, role):
    """Mentors and employer representatives read an activity, but neither its people nor its count."""
    client = client_for(matrix_world, role)
    activity = _enrolled_activity(matrix_world)
    assert client.get(f"{PROJECT}/activities/{activity}/enrolments/").json()["count"] == 0
    assert client.get(f"{PROJECT}/activities/{activity}/").json()["enrolled"] is None
