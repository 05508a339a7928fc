import pytest
from rest_framework.test import APIClient

from polku.organisations.models import Organisation
from polku.testing import factories as f

URL = "/api/v1/organisations/"


def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


def test_admin_creates_organisation_with_business_id_normalised(world):
    response = api(world.admin).post(
        URL,
        {"name": "Helsingin kaupunki", "kind": "city", "country": "fi", "business_id": "02012566"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["business_id"] == "0201256-6" and body["country"] == "FI"
    assert Organisation.objects.get(pk=body["id"]).business_id == "0201256-6"


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"business_id": "0201256-7"}, "business_id"),  # wrong check digit
        ({"business_id": "0201256-6", "country": "SE"}, "business_id"),  # Y-tunnus only for Finnish
        ({"country": "XX"}, "country"),
        ({"website": "not a url"}, "website"),
        ({"kind": "church"}, "kind"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_input_returns_field_errors_and_writes_nothing(world, data, field):
    before = Organisation.objects.count()
    body = {"name": "Vantaan kaupunki", "kind": "city", "country": "FI"} | data
    response = api(world.admin).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Organisation.objects.count() == before


def test_business_id_already_taken_is_a_field_error(world):
    f.OrganisationFactory(business_id="0201256-6")
    response = api(world.admin).post(
        URL, {"name": "Copy", "kind": "company", "country": "FI", "business_id": "0201256-6"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["business_id"] == ["Another organisation already has this business ID."]


def test_admin_updates_only_the_given_fields(world):
    organisation = world.a.organisation
    response = api(world.admin).patch(
        f"{URL}{organisation.pk}/", {"website": "https://www.espoo.fi"}, format="json"
    )
    assert response.status_code == 200
    organisation.refresh_from_db()
    assert organisation.website == "https://www.espoo.fi" and organisation.name == "City of A"


def test_update_with_invalid_business_id_changes_nothing(world):
    organisation = world.a.organisation
    response = api(world.admin).patch(
        f"{URL}{organisation.pk}/", {"name": "X", "business_id": "123"}, format="json"
    )
    assert response.status_code == 400 and "business_id" in response.json()
    organisation.refresh_from_db()
    assert organisation.name == "City of A" and organisation.business_id == ""


def test_members_see_the_organisations_of_their_projects_only(world):
    f.PartnerFactory(organisation__name="Elsewhere Oy")
    names = [o["name"] for o in api(world.coord_b).get(URL).json()["results"]]
    assert names == ["City of A", "University of B"]
    other = Organisation.objects.get(name="Elsewhere Oy")
    assert api(world.coord_b).get(f"{URL}{other.pk}/").status_code == 404


def test_list_query_count_is_constant(world, django_assert_num_queries):
    for _ in range(5):
        f.PartnerFactory(project=world.project)
    client = api(world.coord_a)
    # session, user, memberships, person; count and page
    with django_assert_num_queries(6):
        response = client.get(URL)
    assert response.json()["count"] == 7
