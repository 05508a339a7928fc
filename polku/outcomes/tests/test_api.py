import datetime as dt

from rest_framework.test import APIClient

from polku.outcomes.tests.factories import FollowUpFactory

URL = "/api/v1/participants"


def _client(user):
    client = APIClient()
    client.force_login(user)
    return client


def test_exit_record_put_and_get(world):
    client = _client(world.coord_a)
    body = {"exit_date": "2025-06-30", "status": "employed", "status_on": "2025-08-15"}
    response = client.put(f"{URL}/{world.part_a.pk}/exit-record/", body, format="json")
    assert response.status_code == 200, response.content
    data = client.get(f"{URL}/{world.part_a.pk}/exit-record/").json()
    assert data["exit_date"] == "2025-06-30" and data["within_immediate_window"] is False
    bad = client.put(
        f"{URL}/{world.part_a.pk}/exit-record/", body | {"status_on": "2025-01-01"}, format="json"
    )
    assert bad.status_code == 400 and "status_on" in bad.json()


def test_outcome_crud_and_business_id_error(world):
    client = _client(world.coord_a)
    bad = client.post(
        f"{URL}/{world.part_a.pk}/outcomes/", {"kind": "company_founded", "date": "2025-05-01"}, format="json"
    )
    assert bad.status_code == 400 and "business_id" in bad.json()
    created = client.post(
        f"{URL}/{world.part_a.pk}/outcomes/",
        {"kind": "company_founded", "date": "2025-05-01", "business_id": "988077917"},
        format="json",
    ).json()
    assert created["business_id"] == "988 077 917"
    detail = f"{URL}/{world.part_a.pk}/outcomes/{created['id']}/"
    assert client.patch(detail, {"kind": "job"}, format="json").json()["business_id"] == ""
    assert client.get(f"{URL}/{world.part_b.pk}/outcomes/{created['id']}/").status_code == 404
    assert client.delete(detail).status_code == 204


def test_follow_up_list_and_record(world):
    FollowUpFactory(participation=world.part_b)
    world.part_a.exit_date = dt.date(2025, 6, 30)
    world.part_a.save()
    client = _client(world.coord_a)
    answer = client.put(f"{URL}/{world.part_a.pk}/follow-up/", {"labour_status": "declined"}, format="json")
    assert answer.json()["status"] == "answered" and answer.json()["labour_status"] == "declined"
    rows = client.get("/api/v1/follow-ups/?status=answered").json()["results"]
    assert [r["participation"] for r in rows] == [world.part_a.pk]
