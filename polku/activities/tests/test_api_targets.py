"""The project's targets in the API: managed by the lead, listed without counts, and against current
counts in the project's detail (the field activities registers there)."""

import pytest
from rest_framework.test import APIClient

from polku.activities.models import Target
from polku.testing import factories as f

PROJECT = "/api/v1/projects/S29999"
AUTH = 4  # session, user, the user's memberships, their person


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def structure(world):
    """Two work packages and two targets; part_a takes part in an activity of WP1."""
    wp1 = f.WorkPackageFactory(
        project=world.project, number=1, name="Entrepreneurship training", responsible=world.a
    )
    wp2 = f.WorkPackageFactory(project=world.project, number=2, name="Mentoring", responsible=None)
    f.TargetFactory(project=world.project, label="Started", value=40)
    f.TargetFactory(
        project=world.project,
        work_package=wp1,
        partner=world.a,
        label="Trained",
        metric=Target.Metric.EXITED,
        value=10,
    )
    return wp1, wp2


def test_project_detail_nests_partners_work_packages_and_targets_with_counts(world, structure):
    body = api(world.lead).get(f"{PROJECT}/").json()
    assert body["code"] == "S29999" and body["languages"] == ["fi", "en"]
    assert [(p["organisation_name"], p["is_lead"]) for p in body["partners"]] == [
        ("City of A", True),
        ("University of B", False),
    ]
    assert [(w["number"], w["responsible_name"]) for w in body["work_packages"]] == [
        (1, "City of A"),
        (2, None),
    ]
    progress = {t["target"]["label"]: (t["actual"], t["percent"]) for t in body["targets"]}
    assert progress == {"Started": (2, 5), "Trained": (0, 0)}


def test_members_without_aggregate_rights_see_targets_but_no_counts(world, structure):
    mentor = f.UserFactory(email="mentor@example.org")
    f.membership(mentor, f.Role.MENTOR, project=world.project)
    targets = api(mentor).get(f"{PROJECT}/").json()["targets"]
    assert {t["target"]["label"] for t in targets} == {"Started", "Trained"}
    assert {(t["actual"], t["percent"]) for t in targets} == {(None, None)}
    assert api(mentor).get(f"{PROJECT}/participant-counts/").status_code == 403
    # a coordinator sees counts, as on the project page
    assert {t["actual"] for t in api(world.coord_b).get(f"{PROJECT}/").json()["targets"]} == {2, 0}


def test_target_create_and_rules(world, structure):
    wp1, _wp2 = structure
    client = api(world.lead)
    response = client.post(
        f"{PROJECT}/targets/",
        {
            "work_package": wp1.pk,
            "partner": world.b.pk,
            "country": "fi",
            "metric": "activity_participants",
            "label": "Studying",
            "value": 40,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert Target.objects.get(label="Studying").country == "FI"
    other_wp = f.WorkPackageFactory()
    response = client.post(
        f"{PROJECT}/targets/",
        {"work_package": other_wp.pk, "metric": "participants", "label": "X", "value": -1},
        format="json",
    )
    assert response.status_code == 400 and "value" in response.json()
    response = client.post(
        f"{PROJECT}/targets/",
        {"work_package": other_wp.pk, "metric": "participants", "label": "X", "value": 1},
        format="json",
    )
    assert response.status_code == 400 and "work_package" in response.json()
    assert world.project.targets.count() == 3


def test_target_list_query_count_is_constant(world, django_assert_num_queries):
    for number in range(3, 9):
        partner = f.PartnerFactory(project=world.project)
        wp = f.WorkPackageFactory(project=world.project, number=number, responsible=partner)
        f.TargetFactory(project=world.project, work_package=wp, partner=partner)
    client = api(world.lead)
    with django_assert_num_queries(AUTH + 1 + 2):
        response = client.get(f"{PROJECT}/targets/")
    assert response.json()["count"] >= 6
