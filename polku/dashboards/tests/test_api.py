from rest_framework.test import APIClient

from polku.testing import factories as f


def test_dashboard_json_is_suppressed_for_the_lead_and_exact_for_a_coordinator(world):
    for _ in range(6):
        f.ParticipationFactory(partner=world.a)
    client = APIClient()
    client.force_authenticate(world.lead)
    data = client.get("/api/v1/projects/S29999/dashboard/").json()
    assert data["exact"] is False
    funnel = {s["stage"]: s for s in data["funnel"]}
    assert funnel["registered"]["value"] == 8
    assert funnel["mapped"] == {"stage": "mapped", "value": 0, "hidden": False}
    partners = {p["partner"]: p for p in data["partners"]}
    assert partners[world.b.pk]["registered"] == {"value": None, "hidden": True}
    client.force_authenticate(world.coord_b)
    data = client.get("/api/v1/projects/S29999/dashboard/").json()
    assert data["exact"] is True and data["partners_in_view"] == [world.b.pk]
    assert data["partners"][0]["registered"] == {"value": 1, "hidden": False}


def test_report_json_and_bad_filters(world):
    client = APIClient()
    client.force_authenticate(world.evaluator)
    data = client.get("/api/v1/projects/S29999/report/").json()
    assert data["details"][1] == ["Project code", "S29999"]
    response = client.get("/api/v1/projects/S29999/report/?from=2025-05-01&to=2025-01-01")
    assert response.status_code == 400 and "to" in response.json()
