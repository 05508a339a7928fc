import pytest
from rest_framework.test import APIClient

from polku.projects.models import Partner, Project, WorkPackage
from polku.testing import factories as f

PROJECT = "/api/v1/projects/S29999"


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
        metric="exited",
        value=10,
    )
    return wp1, wp2


# --- projects ---------------------------------------------------------------------------------


def test_admin_creates_project(world):
    body = {
        "name": "DigiPoint",
        "code": " S30001 ",
        "funder": "esf_plus_2021",
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "languages": ["FI", "en", "fi"],
        "asks_disability": True,
    }
    response = api(world.admin).post("/api/v1/projects/", body, format="json")
    assert response.status_code == 201, response.json()
    project = Project.objects.get(code="S30001")
    assert project.languages == ["fi", "en"] and project.asks_disability


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"ends_on": "2024-12-31"}, "ends_on"),
        ({"code": "S29999"}, "code"),
        ({"languages": ["xx"]}, "languages"),
        ({"languages": []}, "languages"),
        ({"funder": "lottery"}, "funder"),
    ],
)
def test_project_create_bad_input_returns_field_errors_and_writes_nothing(world, data, field):
    body = {
        "name": "New",
        "code": "S30002",
        "funder": "esf_plus_2021",
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "languages": ["fi"],
    } | data
    response = api(world.admin).post("/api/v1/projects/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Project.objects.count() == 1


def test_admin_updates_project_fields_given(world):
    response = api(world.admin).patch(
        f"{PROJECT}/", {"asks_minority": True, "languages": ["fi", "sv"]}, format="json"
    )
    assert response.status_code == 200
    world.project.refresh_from_db()
    assert world.project.asks_minority and world.project.languages == ["fi", "sv"]
    assert world.project.name == "Test project"


def test_project_update_cannot_end_before_start(world):
    response = api(world.admin).patch(f"{PROJECT}/", {"ends_on": "2020-01-01"}, format="json")
    assert response.status_code == 400 and "ends_on" in response.json()
    world.project.refresh_from_db()
    assert str(world.project.ends_on) == "2027-12-31"


def test_lead_of_one_project_cannot_reach_another(world):
    other = f.ProjectFactory(code="S40000")
    client = api(world.lead)
    assert client.get("/api/v1/projects/S40000/").status_code == 404
    assert (
        client.post(
            "/api/v1/projects/S40000/work-packages/", {"number": 1, "name": "X"}, format="json"
        ).status_code
        == 404
    )
    assert not other.work_packages.exists()


# --- participant counts -----------------------------------------------------------------------


def test_participant_counts_per_partner(world):
    f.ParticipationFactory(partner=world.a)
    counts = api(world.evaluator).get(f"{PROJECT}/participant-counts/").json()
    assert [(c["organisation_name"], c["participants"]) for c in counts] == [
        ("City of A", 2),
        ("University of B", 1),
    ]
    assert all("person" not in c for c in counts)
    own = api(world.coord_b).get(f"{PROJECT}/participant-counts/").json()
    assert [(c["organisation_name"], c["participants"]) for c in own] == [("University of B", 1)]


# --- partners ---------------------------------------------------------------------------------


def test_lead_adds_a_partner(world):
    organisation = f.OrganisationFactory(name="Oslo Business Region", country="NO")
    response = api(world.lead).post(
        f"{PROJECT}/partners/",
        {"organisation": organisation.pk, "country": "no", "registration_open": True},
        format="json",
    )
    assert response.status_code == 201, response.json()
    partner = Partner.objects.get(pk=response.json()["id"])
    assert partner.country == "NO" and partner.registration_open and not partner.is_lead


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"organisation": "same"}, "organisation"),
        ({"is_lead": True}, "is_lead"),
        ({"country": "QQ"}, "country"),
        ({"organisation": 999999}, "organisation"),
    ],
)
def test_partner_create_bad_input_returns_field_errors_and_writes_nothing(world, data, field):
    organisation = f.OrganisationFactory()
    if data.get("organisation") == "same":
        data = {"organisation": world.b.organisation_id}
    body = {"organisation": organisation.pk, "country": "FI"} | data
    response = api(world.lead).post(f"{PROJECT}/partners/", body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert world.project.partners.count() == 2


def test_moving_the_lead_role_takes_two_steps(world):
    client = api(world.lead)
    assert (
        client.patch(f"{PROJECT}/partners/{world.b.pk}/", {"is_lead": True}, format="json").status_code == 400
    )
    assert (
        client.patch(f"{PROJECT}/partners/{world.a.pk}/", {"is_lead": False}, format="json").status_code
        == 200
    )
    assert (
        client.patch(f"{PROJECT}/partners/{world.b.pk}/", {"is_lead": True}, format="json").status_code == 200
    )
    assert Partner.objects.get(is_lead=True) == world.b


def test_partner_with_participants_cannot_be_removed(world):
    response = api(world.lead).delete(f"{PROJECT}/partners/{world.b.pk}/")
    assert response.status_code == 400
    assert Partner.objects.filter(pk=world.b.pk).exists()


def test_partner_of_another_project_is_not_found(world):
    elsewhere = f.PartnerFactory()
    assert api(world.admin).get(f"{PROJECT}/partners/{elsewhere.pk}/").status_code == 404


# --- work packages ----------------------------------------------------------------


def test_work_package_rules(world, structure):
    wp1, _wp2 = structure
    client = api(world.lead)
    elsewhere = f.PartnerFactory()
    response = client.post(
        f"{PROJECT}/work-packages/",
        {"number": 1, "name": "Again", "responsible": elsewhere.pk},
        format="json",
    )
    assert response.status_code == 400
    assert set(response.json()) == {"detail", "number", "responsible"}
    assert world.project.work_packages.count() == 2
    response = client.patch(
        f"{PROJECT}/work-packages/{wp1.pk}/", {"name": "Trainings", "responsible": world.b.pk}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["responsible_name"] == "University of B"


def test_work_package_with_targets_cannot_be_removed_but_empty_one_can(world, structure):
    wp1, wp2 = structure
    client = api(world.lead)
    assert client.delete(f"{PROJECT}/work-packages/{wp1.pk}/").status_code == 400
    assert client.delete(f"{PROJECT}/work-packages/{wp2.pk}/").status_code == 204
    assert list(WorkPackage.objects.values_list("pk", flat=True)) == [wp1.pk]


# --- query counts -----------------------------------------------------------------------------

AUTH = 4  # session, user, the user's memberships, their person


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/api/v1/projects/", AUTH + 2),
        (f"{PROJECT}/partners/", AUTH + 1 + 2),
        (f"{PROJECT}/work-packages/", AUTH + 1 + 2),
    ],
)
def test_list_query_counts_are_constant(world, django_assert_num_queries, url, queries):
    for number in range(3, 9):
        project = f.ProjectFactory()
        f.membership(world.lead, f.Role.PROJECT_LEAD, project=project)
        partner = f.PartnerFactory(project=world.project)
        wp = f.WorkPackageFactory(project=world.project, number=number, responsible=partner)
        f.TargetFactory(project=world.project, work_package=wp, partner=partner)
    client = api(world.lead)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.json()["count"] >= 6
