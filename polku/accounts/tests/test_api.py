from rest_framework.test import APIClient

from polku.testing import factories as f


def me(user) -> dict:
    client = APIClient()
    client.force_login(user)
    response = client.get("/api/v1/me/")
    assert response.status_code == 200
    return response.json()


def test_coordinator_sees_role_and_partner(world):
    body = me(world.coord_a)
    assert body["email"] == "coord.a@example.org" and not body["is_admin"]
    assert body["roles"] == [
        {
            "role": "coordinator",
            "project": world.project.pk,
            "project_code": "S29999",
            "project_name": "Test project",
            "partner": world.a.pk,
            "partner_name": "City of A",
        }
    ]
    assert body["person_id"] is None and body["participations"] == []


def test_participant_sees_person_and_participations(world):
    other = f.ParticipationFactory(
        person=world.part_a.person, entry_date="2024-01-01", exit_date="2024-06-30"
    )
    body = me(world.user_a)
    assert body["roles"] == [] and body["person_id"] == world.part_a.person_id
    assert [(p["id"], p["is_active"]) for p in body["participations"]] == [
        (world.part_a.pk, True),
        (other.pk, False),
    ]
    assert body["participations"][0]["partner_name"] == "City of A"


def test_admin_and_lead(world):
    assert me(world.admin)["is_admin"] is True
    lead = me(world.lead)
    assert [(r["role"], r["partner"]) for r in lead["roles"]] == [("project_lead", None)]
    assert lead["roles"][0]["partner_name"] is None


def test_anonymous_is_refused():
    assert APIClient().get("/api/v1/me/").status_code == 403
